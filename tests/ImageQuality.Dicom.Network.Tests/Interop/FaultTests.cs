using System.Buffers.Binary;
using System.Diagnostics;
using ImageQuality.Dicom.Network.Dimse;
using ImageQuality.Dicom.Network.Pdus;

namespace ImageQuality.Dicom.Network.Tests.Interop;

/// <summary>Misbehaving peers: each is cut off as the standard says, leaves nothing behind, and others are still served.</summary>
public sealed class FaultTests
{
    [Test]
    public async Task Garbage_is_aborted_as_an_unrecognized_pdu_while_a_concurrent_echo_succeeds()
    {
        Dcmtk.Require("echoscu");
        await using var server = TestListener.Start(o => o.ArtimTimeout = TimeSpan.FromMilliseconds(500));
        using RawPeer garbage = await RawPeer.ConnectAsync(server.Port);

        Task<ToolResult> echo = Dcmtk.RunAsync("echoscu", ["-aet", "X", "-aec", "IMAGEQUALITY", "127.0.0.1", server.PortText]);
        await garbage.SendAsync("GET / HTTP/1.1\r\nHost: example\r\n\r\n"u8.ToArray());
        Pdu? answer = await garbage.ReadPduAsync();

        AbortPdu abort = answer.Should().BeOfType<AbortPdu>().Subject;
        (abort.Source, abort.Reason).Should().Be((AbortSource.ServiceProvider, AbortReason.UnrecognizedPdu));
        (await garbage.WaitForCloseAsync(TimeSpan.FromSeconds(5))).Should().BeTrue("the listener closes after ARTIM at the latest");
        ToolResult r = await echo;
        r.ExitCode.Should().Be(0, r.ToString());
        ToolResult after = await Dcmtk.RunAsync("echoscu", ["-aet", "X", "-aec", "IMAGEQUALITY", "127.0.0.1", server.PortText]);
        after.ExitCode.Should().Be(0, after.ToString());
    }

    [Test]
    public async Task A_peer_that_never_speaks_is_closed_when_the_artim_timer_expires()
    {
        await using var server = TestListener.Start(o => o.ArtimTimeout = TimeSpan.FromMilliseconds(300));
        using RawPeer silent = await RawPeer.ConnectAsync(server.Port);
        var clock = Stopwatch.StartNew();

        (await silent.WaitForCloseAsync(TimeSpan.FromSeconds(5))).Should().BeTrue();

        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(250));
        await RefusalTests.WaitUntilAsync(() => server.Listener.OpenConnections == 0);
    }

    [Test]
    public async Task An_established_association_left_idle_is_aborted()
    {
        await using var server = TestListener.Start(o => o.IdleTimeout = TimeSpan.FromMilliseconds(300));
        using RawPeer peer = await RawPeer.ConnectAsync(server.Port);
        await peer.AssociateAsync();

        Pdu? answer = await peer.ReadPduAsync();

        answer.Should().BeOfType<AbortPdu>().Which.Source.Should().Be(AbortSource.ServiceUser);
        await RefusalTests.WaitUntilAsync(() => server.Listener.ActiveAssociations == 0);
    }

    [Test]
    public async Task A_p_data_longer_than_negotiated_is_aborted_with_reason_6()
    {
        await using var server = TestListener.Start(o => o.MaxPduLength = 16384);
        using RawPeer peer = await RawPeer.ConnectAsync(server.Port);
        AssociateAcceptPdu ac = await peer.AssociateAsync();
        ac.UserInformation.MaximumLength.Should().Be(16384);

        // A well-formed P-DATA-TF one byte over the maximum: refused on its header.
        byte[] pdu = new PDataTransferPdu([new PresentationDataValue(1, true, true, new byte[16384 - 6 + 1])]).ToArray();
        await peer.SendAsync(pdu);
        Pdu? answer = await peer.ReadPduAsync();

        AbortPdu abort = answer.Should().BeOfType<AbortPdu>().Subject;
        (abort.Source, abort.Reason).Should().Be((AbortSource.ServiceProvider, AbortReason.InvalidPduParameterValue));
    }

    [Test]
    public async Task A_pdv_on_a_context_that_was_not_accepted_is_aborted()
    {
        await using var server = TestListener.Start();
        using RawPeer peer = await RawPeer.ConnectAsync(server.Port);
        await peer.AssociateAsync();

        await peer.SendAsync(new PDataTransferPdu([new PresentationDataValue(7, true, true, DicomCommand.CEchoRequest(1).Encode())]).ToArray());

        (await peer.ReadPduAsync()).Should().BeOfType<AbortPdu>().Which.Reason.Should().Be(AbortReason.InvalidPduParameterValue);
    }

    [Test]
    public async Task A_peer_that_disconnects_mid_instance_leaves_no_file()
    {
        await using var server = TestListener.Start();
        using (RawPeer peer = await RawPeer.ConnectAsync(server.Port))
        {
            await StartStoreAsync(peer);
            await RefusalTests.WaitUntilAsync(() => server.AllFiles().Length == 1);
            server.StoredFiles().Should().BeEmpty("a partial instance is never where readers look");
        }

        await RefusalTests.WaitUntilAsync(() => server.Listener.OpenConnections == 0);
        server.AllFiles().Should().BeEmpty("the temporary file of the aborted transfer is removed");
    }

    [Test]
    public async Task A_peer_that_stops_mid_instance_is_aborted_after_the_dimse_timeout_and_leaves_no_file()
    {
        await using var server = TestListener.Start(o => o.DimseTimeout = TimeSpan.FromMilliseconds(300));
        using RawPeer peer = await RawPeer.ConnectAsync(server.Port);
        await StartStoreAsync(peer);

        Pdu? answer = await peer.ReadPduAsync();

        answer.Should().BeOfType<AbortPdu>();
        await RefusalTests.WaitUntilAsync(() => server.AllFiles().Length == 0);
    }

    [Test]
    public async Task A_peer_abort_mid_instance_leaves_no_file()
    {
        await using var server = TestListener.Start();
        using RawPeer peer = await RawPeer.ConnectAsync(server.Port);
        await StartStoreAsync(peer);
        await RefusalTests.WaitUntilAsync(() => server.AllFiles().Length == 1);

        await peer.SendAsync(new AbortPdu(AbortSource.ServiceUser, AbortReason.NotSpecified).ToArray());

        (await peer.WaitForCloseAsync(TimeSpan.FromSeconds(5))).Should().BeTrue();
        await RefusalTests.WaitUntilAsync(() => server.AllFiles().Length == 0);
    }

    [Test]
    public async Task A_command_fragment_inside_a_data_set_is_an_unexpected_parameter()
    {
        await using var server = TestListener.Start();
        using RawPeer peer = await RawPeer.ConnectAsync(server.Port);
        await StartStoreAsync(peer);

        await peer.SendAsync(new PDataTransferPdu([new PresentationDataValue(1, true, true, DicomCommand.CEchoRequest(2).Encode())]).ToArray());

        (await peer.ReadPduAsync()).Should().BeOfType<AbortPdu>().Which.Reason.Should().Be(AbortReason.UnexpectedPduParameter);
        await RefusalTests.WaitUntilAsync(() => server.AllFiles().Length == 0);
    }

    /// <summary>Associates for CT, sends a C-STORE-RQ and the first part of a CT data set, and stops there.</summary>
    private static async Task StartStoreAsync(RawPeer peer)
    {
        string ct = StoreCorpus.Files().First(f => f.EndsWith("CT_small.dcm", StringComparison.Ordinal));
        DicomFile file = DicomFile.Open(ct);
        AssociateAcceptPdu ac = await peer.AssociateAsync(DicomUids.CTImageStorage);
        ac.PresentationContexts[0].TransferSyntax.Should().Be(DicomUids.ExplicitVRLittleEndian);
        byte[] bytes = await File.ReadAllBytesAsync(ct);
        int metaLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(140));
        byte[] dataSet = bytes[(144 + metaLength)..];
        DicomCommand command = DicomCommand.CStoreRequest(1, DicomUids.CTImageStorage, file.Dataset.GetString(DicomTag.SOPInstanceUID)!);
        await peer.SendAsync(new PDataTransferPdu([new PresentationDataValue(1, true, true, command.Encode())]).ToArray());
        await peer.SendAsync(new PDataTransferPdu([new PresentationDataValue(1, false, false, dataSet.AsMemory(0, 4000))]).ToArray());
    }
}
