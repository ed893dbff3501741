using System.Globalization;
using System.Text;
using ImageQuality.Storage.Queue;

namespace ImageQuality.Service;

/// <summary>
/// Counters of this process since it started, exposed in the Prometheus text format at /metrics together with the
/// queue's state (which is shared by every instance on one database).
/// </summary>
public sealed class ServiceMetrics
{
    private long _received;
    private long _indexed;
    private long _duplicates;
    private long _ingestFailed;
    private long _analysed;
    private long _analysisFailed;

    public long Received => Interlocked.Read(ref _received);

    public long Indexed => Interlocked.Read(ref _indexed);

    public long Analysed => Interlocked.Read(ref _analysed);

    public long AnalysisFailed => Interlocked.Read(ref _analysisFailed);

    public void InstanceReceived() => Interlocked.Increment(ref _received);

    public void InstanceIndexed(bool duplicate)
    {
        if (duplicate)
        {
            Interlocked.Increment(ref _duplicates);
        }
        else
        {
            Interlocked.Increment(ref _indexed);
        }
    }

    public void IngestFailed() => Interlocked.Increment(ref _ingestFailed);

    public void JobAnalysed() => Interlocked.Increment(ref _analysed);

    public void JobFailed() => Interlocked.Increment(ref _analysisFailed);

    public string ToPrometheusText(QueueStatistics queue, int ingestBacklog)
    {
        var text = new StringBuilder();
        Counter(text, "iq_instances_received_total", "Instances stored and handed to ingest by this process.", Received);
        Counter(text, "iq_instances_indexed_total", "New instances indexed by this process.", Indexed);
        Counter(text, "iq_instances_duplicate_total", "Instances already indexed (same SOP Instance UID).", Interlocked.Read(ref _duplicates));
        Counter(text, "iq_ingest_failed_total", "Stored files that could not be indexed (see the log).", Interlocked.Read(ref _ingestFailed));
        Counter(text, "iq_jobs_analysed_total", "Analysis jobs completed by this process.", Analysed);
        Counter(text, "iq_jobs_failed_total", "Analysis job attempts that failed in this process.", AnalysisFailed);
        Gauge(text, "iq_ingest_backlog", "Stored instances waiting to be indexed in this process.", ingestBacklog);
        Gauge(text, "iq_queue_jobs", "Jobs in the shared queue by state.", null);
        foreach (var (state, value) in new[] { ("pending", queue.Pending), ("due", queue.Due), ("running", queue.Running), ("done", queue.Done), ("dead", queue.Dead) })
        {
            text.Append(CultureInfo.InvariantCulture, $"iq_queue_jobs{{state=\"{state}\"}} {value}\n");
        }

        Gauge(text, "iq_queue_oldest_due_seconds", "Age of the oldest job that is due and not yet taken.", queue.OldestDueAge?.TotalSeconds ?? 0);
        return text.ToString();
    }

    private static void Counter(StringBuilder text, string name, string help, long value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}\n");

    private static void Gauge(StringBuilder text, string name, string help, double? value)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n");
        if (value is { } v)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name} {v}\n");
        }
    }
}
