using System.Globalization;
using ImageQuality.Cli.Tests.Peers;
using ImageQuality.Dicom.Network.Storage;

namespace ImageQuality.Cli.Tests;

/// <summary><c>iq serve</c> as a real child process, fed by dcmtk's storescu and echoscu and by <c>iq send</c>.</summary>
public sealed class ServeProcessTests
{
    private string _root = null!;

    [SetUp]
    public void CreateFolder() => _root = Directory.CreateTempSubdirectory("iq-serve-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Storescu_sends_the_prostate_study_and_every_instance_is_filed()
    {
        string storescu = PeerTools.RequireProgram("storescu", "dcmtk");
        string study = PeerTools.CorpusFolder("prostate_mri");
        Dictionary<string, string> expected = PeerTools.ReadableInstances([study]);
        int port = PeerTools.FreePort();
        string data = Path.Combine(_root, "data");
        using ChildProcess serve = IqServe.Start(port, data);

        using ChildProcess scu = ChildProcess.Start(storescu, ["+sd", "+r", "-aec", "IMAGEQUALITY", "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), study], new Dictionary<string, string> { ["TCP_NODELAY"] = "1" });
        scu.WaitForExit(TimeSpan.FromMinutes(2)).Should().Be(0, scu.Output);

        Dictionary<string, string> stored = PeerTools.ReadableInstances([data]);
        stored.Keys.Should().BeEquivalentTo(expected.Keys);
        stored.Values.Should().OnlyContain(p => !p.Contains(DicomFolderStore.IncomingFolderName, StringComparison.Ordinal));
        serve.WaitFor(o => o.Split('\n').Count(l => l.Contains("] Stored ", StringComparison.Ordinal)) == expected.Count, TimeSpan.FromSeconds(10))
            .Should().BeTrue("one log line per stored instance:\n" + serve.Output);

        serve.Signal(15);
        serve.WaitForExit(TimeSpan.FromSeconds(30)).Should().Be(0, serve.Output);
        serve.Output.Should().Contain("Stopping: 0 association(s) running").And.Contain("Stopped");
    }

    [Test]
    public void Sigterm_lets_a_running_association_finish_before_stopping()
    {
        string storescu = PeerTools.RequireProgram("storescu", "dcmtk");
        string study = PeerTools.CorpusFolder("prostate_mri");
        int expected = PeerTools.ReadableInstances([study]).Count;
        int port = PeerTools.FreePort();
        string data = Path.Combine(_root, "data");
        using ChildProcess serve = IqServe.Start(port, data, new Dictionary<string, string> { ["IQ_Serve__ShutdownTimeout"] = "00:02:00" });

        // Without TCP_NODELAY Debian's storescu is slow (delayed ACKs): the association is still running at SIGTERM.
        using ChildProcess scu = ChildProcess.Start(storescu, ["+sd", "+r", "-aec", "IMAGEQUALITY", "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), study]);
        serve.WaitFor(o => o.Split('\n').Count(l => l.Contains("] Stored ", StringComparison.Ordinal)) >= 10, TimeSpan.FromMinutes(1)).Should().BeTrue(serve.Output);
        serve.Signal(15);

        scu.WaitForExit(TimeSpan.FromMinutes(3)).Should().Be(0, scu.Output);
        serve.WaitForExit(TimeSpan.FromMinutes(1)).Should().Be(0, serve.Output);
        serve.Output.Should().Contain("Stopping: 1 association(s) running").And.Contain("Stopped").And.NotContain("Aborting");
        PeerTools.ReadableInstances([data]).Should().HaveCount(expected);
    }

    [Test]
    public void Settings_come_from_flags_over_environment_over_config_file()
    {
        string echoscu = PeerTools.RequireProgram("echoscu", "dcmtk");
        string config = Path.Combine(_root, "settings.json");
        File.WriteAllText(config, """{ "Listener": { "AeTitle": "FROMJSON", "Port": 1 }, "Storage": { "DataDirectory": "ignored" } }""");
        int port = PeerTools.FreePort();
        string data = Path.Combine(_root, "flagdata");

        // Port and data folder from flags (over the file), AE title from the environment (over the file).
        using ChildProcess serve = IqServe.Start(port, data, new Dictionary<string, string> { ["IQ_Listener__AeTitle"] = "FROMENV" }, "--config", config);
        serve.Output.Should().Contain($"AE title FROMENV, port {port}, TLS off, data directory {data}");

        string p = port.ToString(CultureInfo.InvariantCulture);
        using (ChildProcess ok = ChildProcess.Start(echoscu, ["-aec", "FROMENV", "127.0.0.1", p]))
        {
            ok.WaitForExit(TimeSpan.FromSeconds(30)).Should().Be(0, ok.Output);
        }

        using ChildProcess wrong = ChildProcess.Start(echoscu, ["-aec", "FROMJSON", "127.0.0.1", p]);
        wrong.WaitForExit(TimeSpan.FromSeconds(30)).Should().NotBe(0);
        wrong.Output.Should().Contain("Called AE Title Not Recognized");
    }

    [Test]
    public void Iq_send_to_iq_serve_and_a_permanent_rejection_is_not_retried()
    {
        string dwi = PeerTools.CorpusFolder("mr_dwi_vendors");
        int port = PeerTools.FreePort();
        string data = Path.Combine(_root, "data");
        using ChildProcess serve = IqServe.Start(port, data);
        string p = port.ToString(CultureInfo.InvariantCulture);

        (int code, string output, string error) = CliRunner.Run("send", "127.0.0.1", p, "--called-ae", "IMAGEQUALITY", dwi);
        code.Should().Be(ExitCodes.Success, output + error);
        PeerTools.ReadableInstances([data]).Keys.Should().BeEquivalentTo(PeerTools.ReadableInstances([dwi]).Keys);

        (code, output, error) = CliRunner.Run("send", "127.0.0.1", p, "--called-ae", "NOTUS", "--retries", "5", dwi);
        code.Should().Be(ExitCodes.Findings);
        output.Should().Contain("association rejected (permanent, source 1, reason 7: called AE title not recognized)");
        error.Should().NotContain("retry");
    }

    [Test]
    public void Bad_settings_are_refused_with_exit_code_2()
    {
        (string host, string dll) = PeerTools.IqDll();
        using ChildProcess serve = ChildProcess.Start(host, [dll, "serve", "--port", "0", "--http-port", "0", "--data-dir", _root], new Dictionary<string, string> { ["IQ_Listener__MaxAssociations"] = "0" });
        serve.WaitForExit(TimeSpan.FromSeconds(30)).Should().Be(ExitCodes.UsageError);
        serve.Output.Should().Contain("iq serve: bad settings: MaxAssociations must be at least 1");
    }
}
