namespace ImageQuality.Service;

/// <summary>
/// Settings of the service (section "Service" of appsettings.json; environment IQ_Service__…; flags). The listener
/// has its own section, "Listener".
/// </summary>
public sealed class ServiceOptions
{
    /// <summary>Where received files (under "store/") and the embedded database live.</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>
    /// The index database: empty for the embedded SQLite file "{DataDir}/index.db", "Data Source=…" for another
    /// SQLite file, or a PostgreSQL connection string ("Host=…;Database=…;Username=…;Password=…").
    /// </summary>
    public string? Database { get; set; }

    /// <summary>HTTP port of the API and web pages; 0 picks a free one (tests).</summary>
    public int HttpPort { get; set; } = 8080;

    /// <summary>The address the HTTP API listens on.</summary>
    public string HttpBindAddress { get; set; } = "0.0.0.0";

    /// <summary>Analysis workers in this process; 0 means one per processor.</summary>
    public int Workers { get; set; }

    /// <summary>How long a study must be quiet before it is judged as a whole (unless its expected set is complete first).</summary>
    public TimeSpan StudySettleTime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a worker holds a job before another may take it over; renewed every third of it while the job runs,
    /// so it bounds how long a job of a killed process waits to be taken again.
    /// </summary>
    public TimeSpan JobLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts of a job before it goes to the dead letter.</summary>
    public int MaxJobAttempts { get; set; } = 5;

    /// <summary>The longest an idle worker waits before looking at the queue again (new work also wakes it at once).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Received instances waiting to be indexed; when full, storage waits (the network read loop never does).</summary>
    public int IngestQueueCapacity { get; set; } = 4096;

    /// <summary>The attribute naming the technologist (keyword), for the index and the scorecards.</summary>
    public string OperatorAttribute { get; set; } = "OperatorsName";

    /// <summary>At start-up, index files in the store that the index lacks (after a crash between store and index).</summary>
    public bool ReconcileStoreOnStart { get; set; } = true;

    internal string StoreFolder => Path.Combine(Path.GetFullPath(DataDir), "store");

    internal string DatabaseConnectionString => string.IsNullOrWhiteSpace(Database)
        ? $"Data Source={Path.Combine(Path.GetFullPath(DataDir), "index.db")}"
        : Database;

    internal int WorkerCount => Workers > 0 ? Workers : Environment.ProcessorCount;
}
