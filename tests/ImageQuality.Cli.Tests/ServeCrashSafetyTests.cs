using System.Globalization;
using System.Net.Http.Json;
using ImageQuality.Cli.Tests.Peers;
using ImageQuality.Dicom;
using ImageQuality.Dicom.Network.Storage;

namespace ImageQuality.Cli.Tests;

/// <summary>
/// SIGKILL of <c>iq serve</c> while storescu sends: after a restart on the same data folder, every instance storescu
/// got a success status for is there and readable, and no partial file is visible outside <c>.incoming</c>.
/// </summary>
public sealed class ServeCrashSafetyTests
{
    [Test]
    public void Every_acknowledged_instance_survives_a_kill_and_no_partial_file_is_visible()
    {
        string storescu = PeerTools.RequireProgram("storescu", "dcmtk");
        string[] folders = [.. PeerTools.WellFormedFolders.Select(PeerTools.CorpusFolder)];
        string root = Directory.CreateTempSubdirectory("iq-crash-").FullName;
        try
        {
            string data = Path.Combine(root, "data");
            int port = PeerTools.FreePort();
            string p = port.ToString(CultureInfo.InvariantCulture);
            using ChildProcess serve = IqServe.Start(port, data);

            // Without TCP_NODELAY, Debian's storescu waits for a delayed ACK on each store: slow enough to kill mid-way.
            using ChildProcess scu = ChildProcess.Start(storescu, ["-v", "+sd", "+r", "-aec", "IMAGEQUALITY", "127.0.0.1", p, .. folders]);
            serve.WaitFor(_ => CountFiled(data) >= 40, TimeSpan.FromMinutes(1)).Should().BeTrue("storescu should get going");
            serve.Signal(9);
            serve.WaitForExit(TimeSpan.FromSeconds(10)).Should().NotBeNull();
            scu.WaitForExit(TimeSpan.FromSeconds(60)).Should().NotBeNull();

            HashSet<string> acknowledged = AcknowledgedFiles(scu.Output);
            int offered = folders.Sum(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories).Count());
            acknowledged.Should().HaveCountGreaterThanOrEqualTo(30, scu.Output);
            acknowledged.Count.Should().BeLessThan(offered, "the listener was killed before storescu was done");

            using ChildProcess again = IqServe.Start(port, data);
            var visible = Directory.EnumerateFiles(data, "*.dcm", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + DicomFolderStore.IncomingFolderName + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .ToList();
            var stored = new HashSet<string>(StringComparer.Ordinal);
            foreach (string file in visible)
            {
                DicomFile read = DicomFile.Open(file);
                stored.Add(read.Dataset.GetString(DicomTag.SOPInstanceUID)!.Trim());
            }

            foreach (string file in acknowledged)
            {
                string uid = DicomFile.Open(file).Dataset.GetString(DicomTag.SOPInstanceUID)!.Trim();
                stored.Should().Contain(uid, $"storescu got success for {file}");
            }

            // The restarted service indexes what the killed one had stored but not indexed: every stored instance
            // once, every job done once, nothing in the dead letter.
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort(again.Output)}") };
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            System.Text.Json.JsonElement queue;
            while (true)
            {
                queue = http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/queue").GetAwaiter().GetResult();
                if (queue.GetProperty("ingestBacklog").GetInt64() + queue.GetProperty("running").GetInt64() + queue.GetProperty("due").GetInt64() == 0
                    && Studies(http).Sum(s => s.GetProperty("instanceCount").GetInt32()) == stored.Count)
                {
                    break;
                }

                DateTime.UtcNow.Should().BeBefore(deadline, $"the restarted service should index and analyse what was stored: {queue}");
                Thread.Sleep(200);
            }

            queue.GetProperty("dead").GetInt64().Should().Be(0, queue.ToString());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static int HttpPort(string output)
    {
        var match = System.Text.RegularExpressions.Regex.Match(output, @"HTTP port (\d+)");
        match.Success.Should().BeTrue(output);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static List<System.Text.Json.JsonElement> Studies(HttpClient http) =>
        [.. http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/studies?pageSize=1000").GetAwaiter().GetResult().GetProperty("studies").EnumerateArray()];

    private static int CountFiled(string data) => Directory.Exists(data)
        ? Directory.EnumerateFiles(data, "*.dcm", SearchOption.AllDirectories).Count(f => !f.Contains(DicomFolderStore.IncomingFolderName, StringComparison.Ordinal))
        : 0;

    /// <summary>storescu -v says "Sending file: X" and then "Received Store Response (Success)" (or a warning) for it.</summary>
    private static HashSet<string> AcknowledgedFiles(string output)
    {
        var acknowledged = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        foreach (string line in output.Split('\n'))
        {
            if (line.StartsWith("I: Sending file: ", StringComparison.Ordinal))
            {
                current = line["I: Sending file: ".Length..].Trim();
            }
            else if (current is not null && line.StartsWith("I: Received Store Response (", StringComparison.Ordinal)
                && (line.Contains("(Success", StringComparison.Ordinal) || line.Contains("Warning", StringComparison.Ordinal)))
            {
                acknowledged.Add(current);
                current = null;
            }
        }

        return acknowledged;
    }
}
