using ImageQuality.Storage.Index;
using ImageQuality.Storage.Queue;

namespace ImageQuality.Service.Workers;

/// <summary>
/// Queues instances received since a time (and their studies) for analysis again, after an analyzer or model update.
/// The new results become new revisions; the old ones stay, marked superseded.
/// </summary>
public sealed class Reanalysis(InstanceIndex index, JobQueue queue, ServiceOptions options, WorkSignal signal, TimeProvider clock)
{
    public async Task<(int Instances, int Studies)> QueueSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var instances = await index.GetInstancesReceivedSinceAsync(since, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        foreach (var (sop, _) in instances)
        {
            await queue.EnqueueAsync(new JobRequest(JobKinds.AnalyzeInstance, sop, now, options.MaxJobAttempts), cancellationToken).ConfigureAwait(false);
        }

        var studies = instances.Select(i => i.StudyInstanceUid).Distinct().ToList();
        foreach (var study in studies)
        {
            await queue.EnqueueAsync(new JobRequest(JobKinds.AnalyzeStudy, study, now, options.MaxJobAttempts, Expedite: true), cancellationToken).ConfigureAwait(false);
        }

        signal.Notify(Math.Max(1, instances.Count));
        return (instances.Count, studies.Count);
    }
}
