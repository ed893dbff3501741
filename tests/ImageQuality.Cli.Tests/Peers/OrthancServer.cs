using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImageQuality.Cli.Tests.Peers;

/// <summary>
/// Orthanc (Debian package) started with a config of the test's own: loopback HTTP without authentication, free
/// HTTP and DICOM ports, its own storage folder, no plugins, and TCP_NODELAY=1 for its dcmtk network layer.
/// </summary>
internal sealed class OrthancServer : IDisposable
{
    public const string Program = "/usr/sbin/Orthanc";
    public const string AeTitle = "ORTHANC";

    private readonly ChildProcess _process;
    private readonly string _folder;

    private OrthancServer(ChildProcess process, string folder, int httpPort, int dicomPort)
    {
        _process = process;
        _folder = folder;
        DicomPort = dicomPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromMinutes(5) };
    }

    public int DicomPort { get; }

    public HttpClient Http { get; }

    public string Output => _process.Output;

    /// <param name="modalities">Name → (AE title, port on 127.0.0.1) of the peers Orthanc may send to.</param>
    public static OrthancServer Start(IReadOnlyDictionary<string, (string AeTitle, int Port)>? modalities = null)
    {
        if (!File.Exists(Program))
        {
            Assert.Ignore($"Orthanc is not installed ({Program}; apt-get install orthanc); test skipped.");
        }

        string folder = Directory.CreateTempSubdirectory("iq-orthanc-").FullName;
        int httpPort = PeerTools.FreePort();
        int dicomPort = PeerTools.FreePort();
        var dicomModalities = new JsonObject();
        foreach ((string name, (string ae, int port)) in modalities ?? new Dictionary<string, (string, int)>())
        {
            dicomModalities[name] = new JsonArray(ae, "127.0.0.1", port);
        }

        var config = new JsonObject
        {
            ["Name"] = "IQTEST",
            ["StorageDirectory"] = Path.Combine(folder, "storage"),
            ["IndexDirectory"] = Path.Combine(folder, "index"),
            ["HttpPort"] = httpPort,
            ["DicomPort"] = dicomPort,
            ["DicomAet"] = AeTitle,
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = false,
            ["DicomCheckCalledAet"] = true,
            ["UnknownSopClassAccepted"] = true,
            ["StorageCompression"] = false,
            ["SaveJobs"] = false,
            ["Plugins"] = new JsonArray(),
            ["DicomModalities"] = dicomModalities,
        };
        string configPath = Path.Combine(folder, "orthanc.json");
        File.WriteAllText(configPath, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        ChildProcess process = ChildProcess.Start(Program, [configPath], new Dictionary<string, string> { ["TCP_NODELAY"] = "1" }, folder);
        var server = new OrthancServer(process, folder, httpPort, dicomPort);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (server.Http.GetAsync("system").Result.IsSuccessStatusCode && PeerTools.WaitForPort(dicomPort, TimeSpan.FromSeconds(5)))
                {
                    return server;
                }
            }
            catch (AggregateException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(30) || process.HasExited)
            {
                string output = process.Output;
                server.Dispose();
                Assert.Fail($"Orthanc did not start:\n{output}");
            }

            Thread.Sleep(100);
        }
    }

    public int CountInstances() => Get("statistics")["CountInstances"]!.GetValue<int>();

    public List<string> SopInstanceUids()
    {
        var uids = new List<string>();
        foreach (JsonNode? id in Get("instances").AsArray())
        {
            JsonNode tags = Get($"instances/{id!.GetValue<string>()}/simplified-tags");
            uids.Add(tags["SOPInstanceUID"]!.GetValue<string>().Trim());
        }

        return uids;
    }

    public JsonNode Get(string path) => JsonNode.Parse(Http.GetStringAsync(path).Result)!;

    public JsonNode Post(string path, object body)
    {
        // Orthanc wants the field names as written (PostAsJsonAsync would make them camelCase).
        HttpResponseMessage response = Http.PostAsync(path, new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json")).Result;
        string text = response.Content.ReadAsStringAsync().Result;
        response.IsSuccessStatusCode.Should().BeTrue($"POST {path} answered {(int)response.StatusCode}: {text}\n{Output}");
        return JsonNode.Parse(text)!;
    }

    public string Port => DicomPort.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Http.Dispose();
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
