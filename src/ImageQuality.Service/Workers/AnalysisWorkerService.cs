using ImageQuality.Dicom.IO;
using ImageQuality.Storage.Queue;
using ImageQuality.Storage.Results;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ImageQuality.Service.Workers;

/// <summary>
/// The analysis workers of this process: each takes a due job, runs the analyzers, and saves the results and
/// completes the job in one transaction. Unreadable input goes to the dead letter at once; anything else is retried
/// with growing back-off until the job's attempts are used up.
/// </summary>
public sealed partial class AnalysisWorkerService(
    JobQueue queue,
    ResultStore results,
    AnalysisRunner runner,
    WorkSignal signal,
    ServiceOptions options,
    ServiceMetrics metrics,
    ILogger<AnalysisWorkerService> logger) : BackgroundService
{
    private static readonly string[] Kinds = [JobKinds.AnalyzeInstance, JobKinds.AnalyzeStudy];

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var owner = $"{Environment.MachineName}:{Environment.ProcessId}";
        return Task.WhenAll(Enumerable.Range(0, options.WorkerCount).Select(n => Task.Run(() => WorkAsync($"{owner}:{n}", stoppingToken), stoppingToken)));
    }

    private async Task WorkAsync(string owner, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var job = await queue.TryLeaseAsync(owner, options.JobLease, Kinds, stoppingToken).ConfigureAwait(false);
                if (job is null)
                {
                    await signal.WaitAsync(options.QueuePollInterval, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                await RunAsync(job, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The queue itself failed (database unreachable): wait and try again rather than spin or die.
                LogQueueError(e, owner);
                await Task.Delay(options.QueuePollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RunAsync(LeasedJob job, CancellationToken stoppingToken)
    {
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewLeaseAsync(job, renewal.Token);
        try
        {
            var started = DateTimeOffset.UtcNow;
            (ResultSubject Subject, List<AnalyzerOutput> Outputs)? work = job.Kind == JobKinds.AnalyzeStudy
                ? await runner.AnalyzeStudyAsync(job.Subject, stoppingToken).ConfigureAwait(false)
                : await runner.AnalyzeInstanceAsync(job.Subject, stoppingToken).ConfigureAwait(false);
            if (work is null)
            {
                await queue.FailAsync(job, "the instance is no longer in the index", retryAfter: null, stoppingToken).ConfigureAwait(false);
                return;
            }

            var saved = await results.SaveAsync(work.Value.Subject, work.Value.Outputs, job, stoppingToken).ConfigureAwait(false);
            if (saved)
            {
                metrics.JobAnalysed();
                LogAnalysed(job.Kind, job.Subject, work.Value.Outputs.Count, (DateTimeOffset.UtcNow - started).TotalMilliseconds);
            }
            else
            {
                LogLeaseLost(job.Kind, job.Subject);
            }
        }
        catch (Exception e) when (e is DicomFormatException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException or EndOfStreamException)
        {
            metrics.JobFailed();
            LogPermanentFailure(e, job.Kind, job.Subject, e.Message);
            await queue.FailAsync(job, $"{e.GetType().Name}: {e.Message}", retryAfter: null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            metrics.JobFailed();
            var backOff = TimeSpan.FromSeconds(Math.Min(300, 5 * Math.Pow(2, job.Attempt - 1)));
            LogTransientFailure(e, job.Kind, job.Subject, job.Attempt, job.MaxAttempts, backOff.TotalSeconds);
            await queue.FailAsync(job, $"{e.GetType().Name}: {e.Message}", backOff, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await renewal.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
        }
    }

    private async Task RenewLeaseAsync(LeasedJob job, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.JobLease / 3, cancellationToken).ConfigureAwait(false);
                await queue.RenewLeaseAsync(job, options.JobLease, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            LogQueueError(e, job.LeaseOwner);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysed {Kind} {Subject}: {Analyzers} analyzer(s) in {Milliseconds:0} ms")]
    private partial void LogAnalysed(string kind, string subject, int analyzers, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} {Subject}: the lease ran out while analysing and another worker took the job; this result was discarded")]
    private partial void LogLeaseLost(string kind, string subject);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind} {Subject} cannot be analysed: {Reason}. Moved to the dead letter")]
    private partial void LogPermanentFailure(Exception exception, string kind, string subject, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} {Subject} failed (attempt {Attempt} of {MaxAttempts}); retrying in {Seconds:0} s")]
    private partial void LogTransientFailure(Exception exception, string kind, string subject, int attempt, int maxAttempts, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Worker {Owner}: the job queue is unavailable; retrying")]
    private partial void LogQueueError(Exception exception, string owner);
}
