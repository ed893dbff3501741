using System.Diagnostics;
using System.Text.RegularExpressions;
using ImageQuality.Cli.Tests.Peers;
using ImageQuality.Dicom.Network.Tests.Interop;

namespace ImageQuality.Cli.Tests;

/// <summary>
/// DICOM TLS from the command line: <c>iq serve</c>'s TLS port, and <c>iq echo</c> and <c>iq send</c> with
/// <c>--tls</c>, against each other and against dcmtk, with certificates made by the test.
/// </summary>
public sealed partial class TlsCliTests
{
    private TestCertificates _pki = null!;
    private string _root = null!;

    [OneTimeSetUp]
    public void CreateCertificates() => _pki = TestCertificates.Create();

    [OneTimeTearDown]
    public void DeleteCertificates() => _pki.Dispose();

    [SetUp]
    public void CreateFolder() => _root = Directory.CreateTempSubdirectory("iq-tls-cli-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Iq_echo_and_iq_send_over_tls_reach_iq_serve_and_the_files_are_filed()
    {
        string dwi = PeerTools.CorpusFolder("mr_dwi_vendors");
        string data = Path.Combine(_root, "data");
        using ChildProcess serve = StartServe(data, out string tlsPort);
        serve.Output.Should().MatchRegex(@"DICOM listener IMAGEQUALITY on port \d+ and DICOM TLS port " + tlsPort);

        (int code, string output, string error) = CliRunner.Run("echo", "127.0.0.1", tlsPort, "--called-ae", "IMAGEQUALITY", "--tls", "--tls-ca", _pki.CaPath, "--timeout", "10");
        code.Should().Be(ExitCodes.Success, error);
        output.Should().Contain("0x0000 (Success)");
        error.Should().BeEmpty();

        // The server certificate names localhost too; a client certificate is sent though iq serve asks for none here.
        (code, output, error) = CliRunner.Run("send", "localhost", tlsPort, "--called-ae", "IMAGEQUALITY", "--tls", "--tls-ca", _pki.CaPath, "--tls-cert", _pki.ClientCertPath, "--tls-key", _pki.ClientKeyPath, dwi);
        code.Should().Be(ExitCodes.Success, output + error);
        PeerTools.ReadableInstances([data]).Keys.Should().BeEquivalentTo(PeerTools.ReadableInstances([dwi]).Keys);
        serve.Output.Should().Contain("TLS connection from");

        (code, _, error) = CliRunner.Run("echo", "127.0.0.1", tlsPort, "--called-ae", "IMAGEQUALITY", "--tls", "--tls-insecure", "--tls-server-name", "not-the-server", "--timeout", "10");
        code.Should().Be(ExitCodes.Success, error);
        error.Should().Contain("iq echo: warning: --tls-insecure").And.Contain("not authenticated");
    }

    [Test]
    public void Storescu_over_tls_sends_to_iq_serve()
    {
        string storescu = PeerTools.RequireProgram("storescu", "dcmtk");
        string dwi = PeerTools.CorpusFolder("mr_dwi_vendors");
        string data = Path.Combine(_root, "data");
        using ChildProcess serve = StartServe(data, out string tlsPort);

        // +tls key cert: storescu's own certificate (it has no anonymous default), -pw: the key has no password,
        // +cf: the CA that iq serve's certificate must chain to.
        using ChildProcess scu = ChildProcess.Start(storescu, ["+tls", _pki.ClientKeyPath, _pki.ClientCertPath, "-pw", "+cf", _pki.CaPath, "+sd", "-aec", "IMAGEQUALITY", "127.0.0.1", tlsPort, dwi], new Dictionary<string, string> { ["TCP_NODELAY"] = "1" });
        scu.WaitForExit(TimeSpan.FromMinutes(1)).Should().Be(0, scu.Output + serve.Output);

        PeerTools.ReadableInstances([data]).Keys.Should().BeEquivalentTo(PeerTools.ReadableInstances([dwi]).Keys);
    }

    [Test]
    public void Iq_send_over_tls_delivers_to_storescp_that_requires_a_client_certificate()
    {
        string dwi = PeerTools.CorpusFolder("mr_dwi_vendors");
        // storescp verifies the client certificate against +cf and refuses a client without one (-rc, its default).
        using StoreScp scp = StoreScp.Start(tls: ["+tls", _pki.ServerKeyPath, _pki.ServerCertPath, "-pw", "+cf", _pki.CaPath]);
        string port = scp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        (int code, string output, string error) = CliRunner.Run("send", "127.0.0.1", port, "--called-ae", StoreScp.AeTitle, "--tls", "--tls-ca", _pki.CaPath, "--tls-cert", _pki.ClientCertPath, "--tls-key", _pki.ClientKeyPath, "--timeout", "10", dwi);

        code.Should().Be(ExitCodes.Success, output + error + scp.Output);
        PeerTools.ReadableInstances([scp.Folder]).Keys.Should().BeEquivalentTo(PeerTools.ReadableInstances([dwi]).Keys);
    }

    [Test]
    public void An_untrusted_server_certificate_and_plain_dicom_to_the_tls_port_fail_quickly_with_exit_1()
    {
        string data = Path.Combine(_root, "data");
        using ChildProcess serve = StartServe(data, out string tlsPort);

        (int code, string output, string error) = CliRunner.Run("echo", "127.0.0.1", tlsPort, "--called-ae", "IMAGEQUALITY", "--tls", "--tls-ca", _pki.OtherCaPath, "--timeout", "5");
        code.Should().Be(ExitCodes.Findings, output + error);
        output.Should().BeEmpty();
        error.Should().Contain("the server certificate CN=localhost is not trusted");

        // Plain DICOM to the TLS port: the server takes the A-ASSOCIATE-RQ for a bad handshake and hangs up.
        var clock = Stopwatch.StartNew();
        (code, output, error) = CliRunner.Run("echo", "127.0.0.1", tlsPort, "--called-ae", "IMAGEQUALITY", "--timeout", "5");
        code.Should().Be(ExitCodes.Findings, output + error);
        error.Should().Contain("iq echo: IMAGEQUALITY@127.0.0.1:" + tlsPort);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(4), "the refusal comes at once, not at the timeout: " + error);

        // And TLS to the plain port: the listener takes the ClientHello for a bad PDU.
        string plainPort = PlainPort().Match(serve.Output).Groups[1].Value;
        (code, output, error) = CliRunner.Run("echo", "127.0.0.1", plainPort, "--called-ae", "IMAGEQUALITY", "--tls", "--tls-ca", _pki.CaPath, "--timeout", "5");
        code.Should().Be(ExitCodes.Findings, output + error);
        error.Should().Contain("iq echo: IMAGEQUALITY@127.0.0.1:" + plainPort).And.Contain("TLS handshake failed").And.Contain("is this the peer's DICOM TLS port?");
    }

    [Test]
    public void Tls_flags_without_tls_or_with_missing_files_are_usage_errors()
    {
        (int code, _, string error) = CliRunner.Run("echo", "127.0.0.1", "2762", "--tls-ca", _pki.CaPath);
        code.Should().Be(ExitCodes.UsageError);
        error.Should().Contain("iq echo: --tls-ca needs --tls");

        (code, _, error) = CliRunner.Run("send", "127.0.0.1", "2762", "--tls-insecure", _pki.CaPath);
        code.Should().Be(ExitCodes.UsageError);
        error.Should().Contain("iq send: --tls-insecure needs --tls");

        string missing = Path.Combine(_root, "absent-ca.pem");
        (code, _, error) = CliRunner.Run("echo", "127.0.0.1", "2762", "--tls", "--tls-ca", missing);
        code.Should().Be(ExitCodes.UsageError);
        error.Should().Contain($"--tls-ca {missing}: no such file");

        (code, _, error) = CliRunner.Run("echo", "127.0.0.1", "2762", "--tls", "--tls-ca", _pki.ClientKeyPath);
        code.Should().Be(ExitCodes.UsageError);
        error.Should().Contain($"--tls-ca {_pki.ClientKeyPath} holds no PEM certificate");

        (code, _, error) = CliRunner.Run("send", "127.0.0.1", "2762", "--tls", "--tls-cert", _pki.ClientCertPath, _pki.CaPath);
        code.Should().Be(ExitCodes.UsageError, "the key is neither in the certificate file nor given");
        error.Should().Contain($"iq send: --tls-cert {_pki.ClientCertPath}: ");

        (code, _, error) = CliRunner.Run("echo", "127.0.0.1", "2762", "--tls", "--tls-key", _pki.ClientKeyPath);
        code.Should().Be(ExitCodes.UsageError);
        error.Should().Contain("--tls-key needs --tls-cert");

        (code, _, error) = CliRunner.Run("echo", "127.0.0.1", "2762", "--tls", "--tls-insecure", "--tls-ca", _pki.CaPath);
        code.Should().Be(ExitCodes.UsageError);
        error.Should().Contain("--tls-ca would not be checked");
    }

    [Test]
    public void Serve_refuses_tls_flags_without_a_usable_certificate_with_exit_2()
    {
        (int code, _, string error) = CliRunner.Run("serve", "--port", "0", "--http-port", "0", "--data-dir", _root, "--tls-port", "0");
        code.Should().Be(ExitCodes.UsageError);
        error.Should().Contain("iq serve: bad settings: DICOM TLS needs the server certificate: --tls-cert");

        (code, _, error) = CliRunner.Run("serve", "--port", "0", "--http-port", "0", "--data-dir", _root, "--tls-key", _pki.ServerKeyPath);
        code.Should().Be(ExitCodes.UsageError);
        error.Should().Contain("DICOM TLS needs the server certificate");

        string missing = Path.Combine(_root, "absent.crt");
        (code, _, error) = CliRunner.Run("serve", "--port", "0", "--http-port", "0", "--data-dir", _root, "--tls-cert", missing);
        code.Should().Be(ExitCodes.UsageError);
        error.Should().Contain($"Tls.CertificatePath: {missing} does not exist");

        // A certificate that is there but has no key is found out when the listener starts: still bad settings.
        (string host, string dll) = PeerTools.IqDll();
        using ChildProcess serve = ChildProcess.Start(host, [dll, "serve", "--port", "0", "--http-port", "0", "--data-dir", _root, "--tls-port", "0", "--tls-cert", _pki.ClientCertPath]);
        serve.WaitForExit(TimeSpan.FromSeconds(30)).Should().Be(ExitCodes.UsageError, serve.Output);
        serve.Output.Should().Contain("iq serve: bad settings: Cannot load the certificate " + _pki.ClientCertPath);
    }

    [GeneratedRegex(@"iq serve: AE title \S+, port (\d+), TLS port (\d+),")]
    private static partial Regex StartupLine();

    [GeneratedRegex(@"iq serve: AE title \S+, port (\d+),")]
    private static partial Regex PlainPort();

    /// <summary>iq serve on free plain, TLS and HTTP ports with the test's server certificate; the TLS port it took.</summary>
    private ChildProcess StartServe(string data, out string tlsPort)
    {
        ChildProcess serve = IqServe.Start(0, data, null, "--tls-port", "0", "--tls-cert", _pki.ServerCertPath, "--tls-key", _pki.ServerKeyPath);
        Match startup = StartupLine().Match(serve.Output);
        if (!startup.Success)
        {
            string output = serve.Output;
            serve.Dispose();
            Assert.Fail($"iq serve did not name its TLS port:\n{output}");
        }

        tlsPort = startup.Groups[2].Value;
        return serve;
    }
}
