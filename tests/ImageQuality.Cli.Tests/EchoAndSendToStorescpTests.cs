using System.Globalization;
using ImageQuality.Cli.Tests.Peers;
using ImageQuality.Dicom;

namespace ImageQuality.Cli.Tests;

/// <summary><c>iq echo</c> and <c>iq send</c> against dcmtk's storescp, a real peer started by the tests.</summary>
public sealed class EchoAndSendToStorescpTests
{
    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    [Test]
    public void Echo_reports_success_and_the_round_trip_time()
    {
        using StoreScp scp = StoreScp.Start();
        (int code, string output, string error) = CliRunner.Run("echo", "127.0.0.1", Port(scp.Port), "--called-ae", StoreScp.AeTitle);
        code.Should().Be(ExitCodes.Success, error);
        output.Should().MatchRegex(@"C-ECHO STORESCP@127\.0\.0\.1:\d+: 0x0000 \(Success\) in \d+\.\d ms");
    }

    [Test]
    public void Echo_to_a_closed_port_says_connection_refused()
    {
        (int code, string output, string error) = CliRunner.Run("echo", "127.0.0.1", Port(PeerTools.FreePort()), "--timeout", "5");
        code.Should().Be(ExitCodes.Findings);
        output.Should().BeEmpty();
        error.Should().Contain("Connection refused");
    }

    [Test]
    public void Send_delivers_every_well_formed_corpus_instance_to_storescp()
    {
        string[] folders = [.. PeerTools.WellFormedFolders.Select(PeerTools.CorpusFolder)];
        Dictionary<string, string> expected = PeerTools.ReadableInstances(folders);
        expected.Should().HaveCountGreaterThan(200);
        using StoreScp scp = StoreScp.Start();

        (int code, string output, string error) = CliRunner.Run(["send", "127.0.0.1", Port(scp.Port), "--called-ae", StoreScp.AeTitle, "--batch", "50", .. folders]);

        code.Should().Be(ExitCodes.Success, output + error);
        // Some corpus files share a SOP Instance UID (one object in two syntaxes): compare files sent, and UIDs received.
        output.Should().MatchRegex(@"Sent (\d+) of \1 instances").And.NotContain("failure").And.NotContain("not sent");
        Dictionary<string, string> received = PeerTools.ReadableInstances([scp.Folder]);
        received.Keys.Should().BeEquivalentTo(expected.Keys);
    }

    [Test]
    public void Send_reencodes_native_files_to_implicit_VR_and_refuses_compressed_ones()
    {
        string mammo = PeerTools.CorpusFolder("mammo_dicom");
        string dwi = PeerTools.CorpusFolder("mr_dwi_vendors");
        using StoreScp scp = StoreScp.Start();

        (int code, string output, string error) = CliRunner.Run("send", "127.0.0.1", Port(scp.Port), "--called-ae", StoreScp.AeTitle, "--transfer-syntax", "implicit-le", mammo, dwi);

        // The two JPEG Lossless mammograms are refused: no decompression on sending.
        code.Should().Be(ExitCodes.Findings, output + error);
        output.Should().Contain("not sent (refused: in JPEG Lossless").And.Contain("GH133_GE_SenographeEssential_R_MLO_JPEGLossless.dcm");
        string[] files = Directory.GetFiles(scp.Folder);
        files.Should().NotBeEmpty();
        foreach (string file in files)
        {
            DicomFile.Open(file).TransferSyntax.Uid.Should().Be(DicomUids.ImplicitVRLittleEndian, file);
        }

        var sent = PeerTools.ReadableInstances([dwi]);
        PeerTools.ReadableInstances([scp.Folder]).Keys.Should().Contain(sent.Keys);
    }

    [Test]
    public void Send_retries_until_a_late_peer_listens()
    {
        string dwi = PeerTools.CorpusFolder("mr_dwi_vendors");
        PeerTools.RequireProgram("storescp", "dcmtk");
        int port = PeerTools.FreePort();
        var late = Task.Run(async () =>
        {
            await Task.Delay(1500);
            return StoreScp.Start(port);
        });
        try
        {
            (int code, string output, string error) = CliRunner.Run("send", "127.0.0.1", Port(port), "--called-ae", StoreScp.AeTitle, "--retries", "6", "--retry-delay", "0.5", dwi);
            code.Should().Be(ExitCodes.Success, output + error);
            error.Should().Contain("Connection refused").And.Contain("retry 1 of 6");
            PeerTools.ReadableInstances([late.Result.Folder]).Keys.Should().BeEquivalentTo(PeerTools.ReadableInstances([dwi]).Keys);
        }
        finally
        {
            late.Result.Dispose();
        }
    }

    [Test]
    public void A_file_the_peer_aborts_on_is_given_up_alone_and_the_rest_of_the_batch_still_arrives()
    {
        // storescp answers some of pydicom's odd test files with A-ABORT: each is retried, then left out alone.
        string odd = PeerTools.CorpusFolder("robustness/pydicom-debian");
        string dwi = PeerTools.CorpusFolder("mr_dwi_vendors");
        using StoreScp scp = StoreScp.Start();

        (int code, string output, string error) = CliRunner.Run("send", "127.0.0.1", Port(scp.Port), "--called-ae", StoreScp.AeTitle, "--batch", "1000", "--retries", "1", "--retry-delay", "0.05", odd, dwi);

        code.Should().Be(ExitCodes.Findings);
        output.Should().Contain("not sent (The peer aborted the association");
        error.Should().Contain("retry 1 of 1");
        PeerTools.ReadableInstances([scp.Folder]).Keys.Should().Contain(PeerTools.ReadableInstances([dwi]).Keys);
    }

    [Test]
    public void Send_skips_non_DICOM_files_with_a_count_and_rejects_an_unknown_syntax()
    {
        string licenses = PeerTools.CorpusFolder("licenses");
        (int code, _, string error) = CliRunner.Run("send", "127.0.0.1", "104", licenses);
        code.Should().Be(ExitCodes.UsageError);
        error.Should().MatchRegex(@"skipped \d+ non-DICOM file\(s\)").And.Contain("no DICOM files to send");

        (code, _, error) = CliRunner.Run("send", "127.0.0.1", "104", "--transfer-syntax", "jpeg-ls", licenses);
        code.Should().Be(ExitCodes.UsageError);
        error.Should().Contain("--transfer-syntax 'jpeg-ls' is not supported");
    }
}
