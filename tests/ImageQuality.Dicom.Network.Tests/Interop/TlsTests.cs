using System.Diagnostics;
using System.Globalization;
using ImageQuality.Dicom.Network.Association;
using ImageQuality.Dicom.Network.Client;
using ImageQuality.Dicom.Network.Dimse;
using ImageQuality.Dicom.Network.Storage;

namespace ImageQuality.Dicom.Network.Tests.Interop;

/// <summary>DICOM TLS (PS3.15 B.12/B.13) on its own port, with certificates made by the test, against dcmtk and our client.</summary>
public sealed class TlsTests
{
    private TestCertificates? _pki;

    private TestCertificates Pki => _pki ?? throw new InvalidOperationException("No certificates");

    [OneTimeSetUp]
    public void MakeCertificates() => _pki = TestCertificates.Create();

    [OneTimeTearDown]
    public void RemoveCertificates() => _pki?.Dispose();

    [Test]
    public async Task Storescu_over_tls_sends_every_corpus_file_and_each_arrives_intact()
    {
        Dcmtk.Require("storescu");
        string[] files = StoreCorpus.Files();
        await using var server = StartTls(requireClientCertificate: true);
        var stored = new List<StoredInstance>();
        server.Store.InstanceStored += i =>
        {
            lock (stored)
            {
                stored.Add(i);
            }
        };

        ToolResult[] runs = await Task.WhenAll(files.GroupBy(f => DicomFile.Open(f).TransferSyntax.Uid).Select(g =>
            Dcmtk.RunAsync("storescu", [.. DcmtkTls(), "-aet", "MODALITY", "-aec", "IMAGEQUALITY", StorescuTests.ProposeFlag(g.Key), "127.0.0.1", TlsPort(server), .. g])));

        foreach (ToolResult r in runs)
        {
            r.ExitCode.Should().Be(0, r.ToString());
            r.Output.Should().NotContain("E:", r.ToString());
        }

        StorescuTests.ShouldHaveArrivedIntact(server, files, stored, "MODALITY");
        server.LogLines.Should().Contain(l => l.Contains("TLS connection from", StringComparison.Ordinal) && l.Contains("CN=IQ Test Modality", StringComparison.Ordinal));
    }

    [Test]
    public async Task Echoscu_over_tls_is_answered_and_the_plain_port_still_serves()
    {
        Dcmtk.Require("echoscu");
        await using var server = StartTls(requireClientCertificate: true);

        ToolResult tls = await Dcmtk.RunAsync("echoscu", [.. DcmtkTls(), "-aet", "X", "-aec", "IMAGEQUALITY", "127.0.0.1", TlsPort(server)]);
        ToolResult plain = await Dcmtk.RunAsync("echoscu", ["-aet", "X", "-aec", "IMAGEQUALITY", "127.0.0.1", server.PortText]);

        tls.ExitCode.Should().Be(0, tls.ToString());
        plain.ExitCode.Should().Be(0, plain.ToString());
    }

    [Test]
    public async Task Our_client_stores_over_tls_with_its_certificate_to_a_pfx_configured_listener()
    {
        string[] files = [.. StoreCorpus.Files().Take(5)];
        await using var server = TestListener.Start(o =>
        {
            o.Tls = new DicomTlsOptions
            {
                Port = 0,
                CertificatePath = Pki.ServerPfxPath,
                CertificatePassword = TestCertificates.PfxPassword,
                RequireClientCertificate = true,
                TrustedClientCertificatesPath = Pki.CaPath,
            };
        });
        var client = new DicomClient("127.0.0.1", server.Listener.TlsLocalEndPoint!.Port, ClientOptions(withCertificate: true));

        (await client.EchoAsync()).Should().Be(DicomStatus.Success);
        IReadOnlyList<DicomStoreResult> results = await client.StoreAsync(files);

        results.Should().OnlyContain(r => r.Sent && r.Status == DicomStatus.Success, string.Join("\n", results));
        foreach (string source in files)
        {
            DatasetComparison.ShouldEqual(DicomFile.Open(StoreCorpus.StoredPath(server.Root, source)).Dataset, DicomFile.Open(source).Dataset, compareVR: true, source);
        }
    }

    [Test]
    public async Task A_required_client_certificate_that_is_missing_or_untrusted_is_refused_with_one_log_line()
    {
        Dcmtk.Require("echoscu");
        await using var server = StartTls(requireClientCertificate: true);
        int port = server.Listener.TlsLocalEndPoint!.Port;

        Func<Task> without = () => new DicomClient("127.0.0.1", port, ClientOptions(withCertificate: false)).EchoAsync();
        DicomClientOptions strangerOptions = ClientOptions(withCertificate: false);
        strangerOptions.Tls!.ClientCertificatePath = Pki.StrangerCertPath;
        strangerOptions.Tls.ClientKeyPath = Pki.StrangerKeyPath;
        Func<Task> stranger = () => new DicomClient("127.0.0.1", port, strangerOptions).EchoAsync();
        ToolResult anonymous = await Dcmtk.RunAsync("echoscu", ["+tla", "+cf", Pki.CaPath, "-aet", "X", "-aec", "IMAGEQUALITY", "127.0.0.1", TlsPort(server)]);

        await without.Should().ThrowAsync<Exception>();
        await stranger.Should().ThrowAsync<Exception>();
        anonymous.ExitCode.Should().NotBe(0, anonymous.ToString());
        await RefusalTests.WaitUntilAsync(() => server.LogLines.Count(l => l.Contains("refused: handshake failed", StringComparison.Ordinal)) == 3);
        string[] refusals = [.. server.LogLines.Where(l => l.Contains("refused: handshake failed", StringComparison.Ordinal))];
        refusals.Count(l => l.Contains("the client sent no certificate and one is required", StringComparison.Ordinal)).Should().Be(2, string.Join("\n", refusals));
        refusals.Should().ContainSingle(l => l.Contains("CN=Stranger is not trusted", StringComparison.Ordinal));
        server.Listener.ActiveAssociations.Should().Be(0);
        (await new DicomClient("127.0.0.1", port, ClientOptions(withCertificate: true)).EchoAsync()).Should().Be(DicomStatus.Success);
    }

    [Test]
    public async Task Tls_1_1_and_plain_dicom_to_the_tls_port_are_refused_while_others_are_served()
    {
        Dcmtk.Require("echoscu");
        await using var server = StartTls(requireClientCertificate: false);
        int port = server.Listener.TlsLocalEndPoint!.Port;

        // Python's ssl module, allowed down to TLS 1.0 and capped at 1.1, sends a real TLS 1.1 ClientHello.
        ToolResult old = await RunPythonTls11Async(port);
        using RawPeer plain = await RawPeer.ConnectAsync(port);
        await plain.SendAsync(RawPeer.Request().ToArray());
        ToolResult echo = await Dcmtk.RunAsync("echoscu", [.. DcmtkTls(), "-aet", "X", "-aec", "IMAGEQUALITY", "127.0.0.1", TlsPort(server)]);

        old.Output.Should().Contain("REFUSED", old.ToString());
        old.Output.Should().NotContain("NO_PROTOCOLS_AVAILABLE", "the ClientHello must really go out");
        (await plain.WaitForCloseAsync(TimeSpan.FromSeconds(10))).Should().BeTrue("plain bytes are no TLS handshake");
        echo.ExitCode.Should().Be(0, echo.ToString());
        await RefusalTests.WaitUntilAsync(() => server.LogLines.Count(l => l.Contains("refused: handshake failed", StringComparison.Ordinal)) == 2);
        server.LogLines.Should().ContainSingle(l => l.Contains("refused: handshake failed", StringComparison.Ordinal) && l.Contains("unsupported protocol", StringComparison.Ordinal), "TLS 1.1 is named as the reason");
        server.Listener.OpenConnections.Should().Be(0);
    }

    [Test]
    public async Task A_peer_that_never_starts_the_handshake_is_closed_after_artim()
    {
        await using var server = StartTls(requireClientCertificate: false, o => o.ArtimTimeout = TimeSpan.FromMilliseconds(400));
        using RawPeer silent = await RawPeer.ConnectAsync(server.Listener.TlsLocalEndPoint!.Port);
        var clock = Stopwatch.StartNew();

        (await silent.WaitForCloseAsync(TimeSpan.FromSeconds(10))).Should().BeTrue();

        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(300));
        await RefusalTests.WaitUntilAsync(() => server.LogLines.Any(l => l.Contains("no TLS handshake within the ARTIM timeout", StringComparison.Ordinal)));
        await RefusalTests.WaitUntilAsync(() => server.Listener.OpenConnections == 0);
    }

    [Test]
    public async Task Our_client_stores_over_tls_to_dcmtk_storescp()
    {
        Dcmtk.Require("storescp");
        string[] files = [.. StoreCorpus.Files().Take(5)];
        string output = Path.Combine(Path.GetTempPath(), "iq-storescp-tls-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);
        int port = FreePort.Next();
        using Process storescp = Dcmtk.Start("storescp", ["+tls", Pki.ServerKeyPath, Pki.ServerCertPath, "-pw", "+cf", Pki.CaPath, "-aet", "STORESCP", "+xa", "-od", output, "-uf", "-fe", ".dcm", port.ToString(CultureInfo.InvariantCulture)]);
        try
        {
            await DicomClientTests.WaitForPortAsync(port);
            DicomClientOptions options = ClientOptions(withCertificate: true);
            options.CalledAeTitle = "STORESCP";
            IReadOnlyList<DicomStoreResult> results = await new DicomClient("localhost", port, options).StoreAsync(files);

            results.Should().OnlyContain(r => r.Sent && r.Status == DicomStatus.Success, string.Join("\n", results));
            Directory.GetFiles(output, "*.dcm").Should().HaveCount(files.Length);
        }
        finally
        {
            storescp.Kill(entireProcessTree: true);
            await storescp.WaitForExitAsync();
            Directory.Delete(output, recursive: true);
        }
    }

    private static string TlsPort(TestListener server) => server.Listener.TlsLocalEndPoint!.Port.ToString(CultureInfo.InvariantCulture);

    private TestListener StartTls(bool requireClientCertificate, Action<DicomListenerOptions>? configure = null) => TestListener.Start(o =>
    {
        o.Tls = new DicomTlsOptions
        {
            Port = 0,
            CertificatePath = Pki.ServerCertPath,
            PrivateKeyPath = Pki.ServerKeyPath,
            RequireClientCertificate = requireClientCertificate,
            TrustedClientCertificatesPath = Pki.CaPath,
        };
        configure?.Invoke(o);
    });

    /// <summary>dcmtk's TLS options: our client key and certificate, no key password, the test CA to check the server.</summary>
    private string[] DcmtkTls() => ["+tls", Pki.ClientKeyPath, Pki.ClientCertPath, "-pw", "+cf", Pki.CaPath];

    private DicomClientOptions ClientOptions(bool withCertificate) => new()
    {
        CallingAeTitle = "IQTLS",
        CalledAeTitle = "IMAGEQUALITY",
        Tls = new DicomClientTlsOptions
        {
            TrustedCertificatesPath = Pki.CaPath,
            ServerName = "localhost",
            ClientCertificatePath = withCertificate ? Pki.ClientCertPath : null,
            ClientKeyPath = withCertificate ? Pki.ClientKeyPath : null,
        },
    };

    private static async Task<ToolResult> RunPythonTls11Async(int port)
    {
        const string script = """
            import socket, ssl, sys
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            ctx.set_ciphers("DEFAULT:@SECLEVEL=0")
            ctx.minimum_version = ssl.TLSVersion.TLSv1
            ctx.maximum_version = ssl.TLSVersion.TLSv1_1
            s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10)
            try:
                ctx.wrap_socket(s)
                print("ACCEPTED")
            except (ssl.SSLError, OSError) as e:
                print("REFUSED", e)
            """;
        if (!File.Exists("/usr/bin/python3"))
        {
            Assert.Ignore("python3 is not installed");
        }

        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        using Process python = Process.Start(info)!;
        string output = await python.StandardOutput.ReadToEndAsync() + await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        return new ToolResult(python.ExitCode, output);
    }
}
