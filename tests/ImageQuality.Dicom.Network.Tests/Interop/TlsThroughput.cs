using System.Diagnostics;
using System.Globalization;
using ImageQuality.Dicom.Network.Association;
using ImageQuality.Dicom.Network.Storage;
using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Dicom.Network.Tests.Interop;

/// <summary>Plain TCP against TLS with storescu on the same listener: a measurement, run by hand, not a test of correctness.</summary>
[Explicit("Measurement: run by hand, prints figures")]
public sealed class TlsThroughput
{
    [TestCase("mammo_dicom/SYNTHETIC_Clunie_MG_pixelspacing_R.dcm", 200, "-xe")]
    [TestCase("mammo_dicom/GH133_GE_SenographeEssential_R_MLO_JPEGLossless.dcm", 40, "-xs")]
    public async Task Storescu_plain_against_tls(string relativePath, int count, string proposeFlag)
    {
        string file = Path.Combine(TestCorpus.RequireRoot(), relativePath);
        using TestCertificates pki = TestCertificates.Create();
        await using var server = TestListener.Start(
            o => o.Tls = new DicomTlsOptions { Port = 0, CertificatePath = pki.ServerCertPath, PrivateKeyPath = pki.ServerKeyPath, TrustedClientCertificatesPath = pki.CaPath, RequireClientCertificate = true },
            new DicomFolderStoreOptions { DuplicatePolicy = DuplicateInstancePolicy.Overwrite, EventChannelCapacity = 0 });
        string[] files = [.. Enumerable.Repeat(file, count)];
        double megabytes = new FileInfo(file).Length * (double)count / 1e6;
        string tlsPort = server.Listener.TlsLocalEndPoint!.Port.ToString(CultureInfo.InvariantCulture);

        foreach ((string name, string[] args) in new[]
        {
            ("plain", new[] { "127.0.0.1", server.PortText }),
            ("tls", new[] { "+tls", pki.ClientKeyPath, pki.ClientCertPath, "-pw", "+cf", pki.CaPath, "127.0.0.1", tlsPort }),
            ("plain", new[] { "127.0.0.1", server.PortText }),
            ("tls", new[] { "+tls", pki.ClientKeyPath, pki.ClientCertPath, "-pw", "+cf", pki.CaPath, "127.0.0.1", tlsPort }),
        })
        {
            var clock = Stopwatch.StartNew();
            ToolResult r = await Dcmtk.RunAsync("storescu", ["-aet", "BENCH", "-aec", "IMAGEQUALITY", proposeFlag, .. args, .. files], TimeSpan.FromMinutes(5));
            clock.Stop();
            r.ExitCode.Should().Be(0, r.ToString());
            string load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            TestContext.Out.WriteLine($"{name,-5} {Path.GetFileName(file)} x{count}: {clock.Elapsed.TotalSeconds:0.00} s, {count / clock.Elapsed.TotalSeconds:0.0} instances/s, {megabytes / clock.Elapsed.TotalSeconds:0.0} MB/s (load {load})");
        }
    }
}
