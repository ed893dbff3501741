namespace ImageQuality.Cli.Tests.Peers;

/// <summary><c>iq serve</c> as a real child process (dotnet iq.dll), on a free port and a data folder of the test's.</summary>
internal static class IqServe
{
    public const string StartupMarker = "iq serve: AE title";

    public static ChildProcess Start(int port, string dataDirectory, IReadOnlyDictionary<string, string>? environment = null, params string[] extra)
    {
        (string host, string dll) = PeerTools.IqDll();
        ChildProcess child = ChildProcess.Start(host, [dll, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--http-port", "0", "--data-dir", dataDirectory, .. extra], environment);
        if (!child.WaitFor(o => o.Contains(StartupMarker, StringComparison.Ordinal), TimeSpan.FromSeconds(30)))
        {
            string output = child.Output;
            child.Dispose();
            Assert.Fail($"iq serve did not start:\n{output}");
        }

        return child;
    }
}
