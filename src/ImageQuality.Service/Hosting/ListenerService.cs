using ImageQuality.Dicom.Network.Association;
using ImageQuality.Dicom.Network.Listener;
using ImageQuality.Dicom.Network.Storage;
using ImageQuality.Service.Ingest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ImageQuality.Service.Hosting;

/// <summary>
/// The DICOM listener of the service: stores into "{DataDir}/store" and hands every stored instance to ingest.
/// On stop it stops accepting and lets running associations finish.
/// </summary>
public sealed partial class ListenerService(
    DicomListenerOptions listenerOptions,
    ServiceOptions options,
    IngestQueue ingest,
    ServiceMetrics metrics,
    ReadinessState readiness,
    TimeProvider clock,
    ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<ListenerService>();
    private DicomListener? _listener;

    /// <summary>The port actually listened on (when the setting is 0).</summary>
    public int Port => _listener?.LocalEndPoint.Port ?? 0;

    /// <summary>Associations in progress, for a shutdown that lets them finish.</summary>
    public int ActiveAssociations => _listener?.ActiveAssociations ?? 0;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var store = new DicomFolderStore(options.StoreFolder);
        store.InstanceStored += stored =>
        {
            metrics.InstanceReceived();
            LogStored(stored.SopInstanceUid, stored.SopClassUid, stored.TransferSyntaxUid, stored.CallingAeTitle, stored.Path);

            // Runs on the storage side before the success response: when ingest is far behind this waits, and the
            // sender waits for its response, rather than an instance being stored but never indexed.
            ingest.Write(new ReceivedInstance(stored.Path, stored.CallingAeTitle, clock.GetUtcNow()));
        };
        _listener = new DicomListener(listenerOptions, store, loggers.CreateLogger<DicomListener>());
        _listener.Start();
        readiness.ListenerReady = true;
        LogListening(listenerOptions.AeTitle, Port, options.StoreFolder);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        readiness.ListenerReady = false;
        if (_listener is not null)
        {
            await _listener.StopAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_listener is not null)
        {
            await _listener.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {SopInstanceUid} ({SopClassUid}, {TransferSyntaxUid}) from {CallingAeTitle} as {Path}")]
    private partial void LogStored(string sopInstanceUid, string sopClassUid, string transferSyntaxUid, string callingAeTitle, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "DICOM listener {AeTitle} on port {Port}, storing under {Store}")]
    private partial void LogListening(string aeTitle, int port, string store);
}
