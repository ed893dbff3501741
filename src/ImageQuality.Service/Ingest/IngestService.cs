using ImageQuality.Dicom.IO;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ImageQuality.Service.Ingest;

/// <summary>
/// Drains the ingest queue into the index. A file that cannot be indexed (unreadable, lacking its UIDs) stays in the
/// store and is logged with the reason; it never stops the others.
/// </summary>
public sealed partial class IngestService(IngestQueue queue, InstanceIngestor ingestor, ServiceMetrics metrics, ILogger<IngestService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Two indexers: header parsing overlaps the database round trip, and SQLite serialises the writes anyway.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => DrainAsync(stoppingToken))).ConfigureAwait(false);
    }

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var received in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    var outcome = await ingestor.IngestAsync(received, stoppingToken).ConfigureAwait(false);
                    LogIndexed(received.Path, outcome);
                }
                catch (Exception e) when (e is DicomFormatException or InvalidDataException or IOException or EndOfStreamException)
                {
                    metrics.IngestFailed();
                    LogNotIndexed(e, received.Path, e.Message);
                }
                finally
                {
                    queue.MarkDone();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Indexed {Path}: {Outcome}")]
    private partial void LogIndexed(string path, Storage.Index.IndexOutcome outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not index {Path}: {Reason}. The file stays in the store")]
    private partial void LogNotIndexed(Exception exception, string path, string reason);
}
