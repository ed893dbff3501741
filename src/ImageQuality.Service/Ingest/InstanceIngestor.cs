using ImageQuality.Dicom.IO;
using ImageQuality.Service.Workers;
using ImageQuality.Storage.Index;
using ImageQuality.Storage.Queue;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace ImageQuality.Service.Ingest;

/// <summary>
/// Turns a stored file into an index row and its jobs, in one transaction: an instance job at once, and the study's
/// settle job pushed back to "settle time after this arrival" — or brought forward to now when the study's
/// expected set (the four screening views) is complete.
/// </summary>
public sealed class InstanceIngestor
{
    private readonly InstanceIndex _index;
    private readonly JobQueue _queue;
    private readonly InstanceRecordReader _reader;
    private readonly ServiceOptions _options;
    private readonly ServiceMetrics _metrics;
    private readonly WorkSignal _signal;
    private readonly TimeProvider _clock;
    private readonly ILogger<InstanceIngestor> _logger;
    private readonly ResiliencePipeline _retry;

    public InstanceIngestor(InstanceIndex index, JobQueue queue, ServiceOptions options, ServiceMetrics metrics, WorkSignal signal, TimeProvider clock, ILogger<InstanceIngestor> logger)
    {
        _index = index;
        _queue = queue;
        _reader = new InstanceRecordReader(options.OperatorAttribute);
        _options = options;
        _metrics = metrics;
        _signal = signal;
        _clock = clock;
        _logger = logger;

        // The database may be briefly unavailable (PostgreSQL restart, SQLite busy past its timeout, a network
        // blip): retry with back-off rather than drop the instance. A file that cannot be parsed is not retried.
        _retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<System.Data.Common.DbException>().Handle<TimeoutException>(),
                MaxRetryAttempts = 6,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                OnRetry = args =>
                {
                    _logger.LogWarning(args.Outcome.Exception, "Indexing retried (attempt {Attempt}) after a database error", args.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Indexes one stored file and queues its jobs; returns what the index did.</summary>
    public async Task<IndexOutcome> IngestAsync(ReceivedInstance received, CancellationToken cancellationToken)
    {
        var file = DicomFileReader.Read(received.Path, new DicomReadOptions { StopBeforePixelData = true });
        var record = _reader.Read(file, received.Path, new FileInfo(received.Path).Length, received.ReceivedAt, received.CallingAeTitle);
        var now = _clock.GetUtcNow();

        var outcome = await _retry.ExecuteAsync(
            async token =>
            {
                JobRequest[] jobs =
                [
                    new(JobKinds.AnalyzeInstance, record.SopInstanceUid, now, _options.MaxJobAttempts),
                    new(JobKinds.AnalyzeStudy, record.StudyInstanceUid, now + _options.StudySettleTime, _options.MaxJobAttempts),
                ];
                var added = await _index.AddAsync(record, jobs, received.ReplacedExisting, token).ConfigureAwait(false);

                // Checked after the commit, against what is committed: of two views of one exam indexed at the same
                // time, the later to commit sees both, so a complete exam is never left waiting for its settle time.
                if (added != IndexOutcome.AlreadyIndexed && await CompletesScreeningSetAsync(record, token).ConfigureAwait(false))
                {
                    await _queue.EnqueueAsync(new JobRequest(JobKinds.AnalyzeStudy, record.StudyInstanceUid, now, _options.MaxJobAttempts, Expedite: true), token).ConfigureAwait(false);
                }

                return added;
            },
            cancellationToken).ConfigureAwait(false);

        _metrics.InstanceIndexed(duplicate: outcome == IndexOutcome.AlreadyIndexed);
        if (outcome != IndexOutcome.AlreadyIndexed)
        {
            _signal.Notify();
        }

        return outcome;
    }

    /// <summary>
    /// Whether this image, with those already indexed, makes the four standard screening views (R CC, L CC, R MLO,
    /// L MLO) of a mammography study.
    /// </summary>
    private async Task<bool> CompletesScreeningSetAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        if (record.Modality != "MG" || record.ViewPosition is not ("CC" or "MLO"))
        {
            return false;
        }

        var views = (await _index.GetStudyInstancesAsync(record.StudyInstanceUid, cancellationToken).ConfigureAwait(false))
            .Where(i => i.Modality == "MG" && i.PresentationIntentType != "FOR PROCESSING")
            .Select(i => (i.ViewPosition, i.ImageLaterality))
            .ToHashSet();
        return views.Contains(("CC", "R")) && views.Contains(("CC", "L")) && views.Contains(("MLO", "R")) && views.Contains(("MLO", "L"));
    }
}
