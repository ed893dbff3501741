using System.Diagnostics;
using System.Globalization;
using ImageQuality.Bench.Service;
using ImageQuality.Dicom.Network.Client;
using ImageQuality.Service;
using ImageQuality.Service.Hosting;
using ImageQuality.Service.Ingest;
using ImageQuality.Storage.Migrations;
using ImageQuality.Storage.Queue;
using ImageQuality.Storage.Results;
using Microsoft.Extensions.DependencyInjection;

// Usage: ImageQuality.Bench.Service <template.dcm> [--exams N] [--db <connection string>] [--latency-exams N]
// Prints index+queue throughput (instances/s), analysis throughput (jobs/s), and the time from the last C-STORE
// response of a 4-view exam to its study-level result.
var arguments = args.ToList();
if (arguments.Count == 0 || arguments[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: ImageQuality.Bench.Service <template mammogram .dcm> [--exams 250] [--latency-exams 10] [--db \"Host=…\"]");
    return 2;
}

string Option(string name, string fallback)
{
    var i = arguments.IndexOf(name);
    return i >= 0 && i + 1 < arguments.Count ? arguments[i + 1] : fallback;
}

var template = arguments[0];
var exams = int.Parse(Option("--exams", "250"), CultureInfo.InvariantCulture);
var latencyExams = int.Parse(Option("--latency-exams", "10"), CultureInfo.InvariantCulture);
var work = Path.Combine(Path.GetTempPath(), "iq-bench-service-" + Guid.NewGuid().ToString("N"));
var database = Option("--db", "");
var engine = database.Contains("Host=", StringComparison.OrdinalIgnoreCase) ? "PostgreSQL" : "SQLite";
Console.WriteLine($"engine {engine}, {exams} exams ({exams * 4} instances), load average {File.ReadAllText("/proc/loadavg").Trim()}");

var settings = new Dictionary<string, string?>
{
    ["Service:DataDir"] = work,
    ["Service:Database"] = database,
    ["Service:HttpPort"] = "0",
    ["Service:HttpBindAddress"] = "127.0.0.1",
    ["Service:StudySettleTime"] = "00:01:00",
    ["Listener:Port"] = "0",
    ["Listener:BindAddress"] = "127.0.0.1",
    ["Logging:LogLevel:Default"] = "Warning",
};

try
{
    var files = SyntheticExams.Write(template, Path.Combine(work, "store", "synthetic"), exams, DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture));
    await using var app = ServiceHost.Build(overrides: settings);
    await app.Services.GetRequiredService<MigrationRunner>().MigrateAsync();

    // 1. Index + queue: header read, index row and two jobs, one transaction per instance.
    var ingestor = app.Services.GetRequiredService<InstanceIngestor>();
    var clock = Stopwatch.StartNew();
    foreach (var path in files.SelectMany(f => f))
    {
        await ingestor.IngestAsync(new ReceivedInstance(path, "BENCH", DateTimeOffset.UtcNow), CancellationToken.None);
    }

    var indexSeconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"index + queue: {files.Count * 4} instances in {indexSeconds:0.00} s = {files.Count * 4 / indexSeconds:0} instances/s");

    // 2. Analysis: the workers drain the queue (instance jobs, and study jobs expedited by complete exams).
    var queue = app.Services.GetRequiredService<JobQueue>();
    clock.Restart();
    await app.StartAsync();
    while (await queue.GetStatisticsAsync() is { } s && s.Pending + s.Running > 0)
    {
        await Task.Delay(20);
    }

    var analysisSeconds = clock.Elapsed.TotalSeconds;
    var done = (await queue.GetStatisticsAsync()).Done;
    Console.WriteLine($"analysis: {done} jobs in {analysisSeconds:0.00} s = {done / analysisSeconds:0} jobs/s");

    // 3. Latency: a 4-view exam over the network; from the last C-STORE response to the study-level result.
    var results = app.Services.GetRequiredService<ResultStore>();
    var port = app.Services.GetRequiredService<ListenerService>().Port;
    var latencyFiles = SyntheticExams.Write(template, Path.Combine(work, "outgoing"), latencyExams, "9" + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture));
    var latencies = new List<double>();
    foreach (var exam in latencyFiles)
    {
        var client = new DicomClient("127.0.0.1", port, new DicomClientOptions { CalledAeTitle = "IMAGEQUALITY" });
        var statuses = await client.StoreAsync(exam);
        var sent = Stopwatch.StartNew();
        var study = ImageQuality.Dicom.IO.DicomFileReader.Read(exam[0]).Dataset.GetString(ImageQuality.Dicom.DicomTag.StudyInstanceUID)!;
        while (!(await results.GetCurrentForStudyAsync(study)).Any(r => r.Scope == ResultScope.Study))
        {
            if (sent.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new TimeoutException($"no study result for {study} after 120 s (statuses {string.Join(",", statuses.Select(s => s.Status.ToString()))})");
            }

            await Task.Delay(5);
        }

        latencies.Add(sent.Elapsed.TotalMilliseconds);
    }

    latencies.Sort();
    Console.WriteLine($"last C-STORE → study result ({latencyExams} exams): median {latencies[latencies.Count / 2]:0} ms, max {latencies[^1]:0} ms (settle time 60 s, cut short because the four views are in)");
    Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
    await app.StopAsync();
    return 0;
}
finally
{
    if (Directory.Exists(work))
    {
        Directory.Delete(work, recursive: true);
    }
}
