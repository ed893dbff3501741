namespace ImageQuality.Cli.Tests.Peers;

/// <summary>dcmtk's storescp on a free port, writing what it receives into its own folder.</summary>
internal sealed class StoreScp : IDisposable
{
    public const string AeTitle = "STORESCP";

    private readonly ChildProcess _process;

    private StoreScp(ChildProcess process, int port, string folder)
    {
        _process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    public string Folder { get; }

    public string Output => _process.Output;

    /// <param name="tls">dcmtk's TLS options (e.g. <c>+tls key cert</c>), or null for plain TCP.</param>
    public static StoreScp Start(int? port = null, bool waitUntilListening = true, IReadOnlyList<string>? tls = null)
    {
        string program = PeerTools.RequireProgram("storescp", "dcmtk");
        int p = port ?? PeerTools.FreePort();
        string folder = Directory.CreateTempSubdirectory("iq-storescp-").FullName;
        // +xa: accept every transfer syntax storescp knows; files keep the syntax they arrived in.
        ChildProcess process = ChildProcess.Start(program, [.. tls ?? [], "-aet", AeTitle, "-od", folder, "+xa", p.ToString(System.Globalization.CultureInfo.InvariantCulture)], new Dictionary<string, string> { ["TCP_NODELAY"] = "1" });
        if (waitUntilListening && !PeerTools.WaitForPort(p, TimeSpan.FromSeconds(10)))
        {
            string output = process.Output;
            process.Dispose();
            Assert.Fail($"storescp did not listen on {p}:\n{output}");
        }

        return new StoreScp(process, p, folder);
    }

    public void Dispose()
    {
        _process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
