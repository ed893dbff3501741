using System.Buffers;
using ImageQuality.Dicom.Network.Dimse;
using ImageQuality.Dicom.Network.Pdus;

namespace ImageQuality.Dicom.Network.Tests.Interop;

/// <summary>Commands a storage SCP does not serve: C-CANCEL (no response), unknown requests (0x0211), unsolicited responses (A-ABORT).</summary>
public sealed class DimseCommandTests
{
    [Test]
    public async Task A_c_cancel_gets_no_response_and_does_not_start_the_dimse_timer()
    {
        await using var server = TestListener.Start(o => o.DimseTimeout = TimeSpan.FromMilliseconds(300));
        using RawPeer peer = await RawPeer.ConnectAsync(server.Port);
        await peer.AssociateAsync();

        await SendCommandAsync(peer, new DicomDataset()
            .AddUInt16(DicomTag.CommandField, DimseCommandField.CCancelRequest)
            .AddUInt16(DicomTag.MessageIDBeingRespondedTo, 1)
            .AddUInt16(DicomTag.CommandDataSetType, DicomCommand.NoDataSet));

        // Longer than the DIMSE timeout: a cancel that counted as owing a response would get the association aborted.
        await Task.Delay(800);
        await SendCommandAsync(peer, DicomCommand.CEchoRequest(2).Dataset);
        DicomCommand first = await ReadCommandAsync(peer);

        (first.CommandField, first.MessageIdBeingRespondedTo, first.Status).Should().Be((DimseCommandField.CEchoResponse, (ushort)2, DicomStatus.Success), "the cancel itself is not answered");
        server.LogLines.Should().ContainSingle(l => l.Contains("C-CANCEL-RQ for message 1 ignored", StringComparison.Ordinal));
        await peer.SendAsync(ReleaseRequestPdu.Instance.ToArray());
        (await peer.ReadPduAsync()).Should().BeOfType<ReleaseResponsePdu>();
    }

    [Test]
    public async Task An_unknown_request_is_answered_unrecognized_operation_and_the_association_goes_on()
    {
        await using var server = TestListener.Start();
        using RawPeer peer = await RawPeer.ConnectAsync(server.Port);
        await peer.AssociateAsync();

        await SendCommandAsync(peer, new DicomDataset()
            .AddString(DicomTag.RequestedSOPClassUID, DicomVR.UI, DicomUids.Verification)
            .AddUInt16(DicomTag.CommandField, DimseCommandField.NGetRequest)
            .AddUInt16(DicomTag.MessageID, 7)
            .AddUInt16(DicomTag.CommandDataSetType, DicomCommand.NoDataSet));
        DicomCommand answer = await ReadCommandAsync(peer);
        await SendCommandAsync(peer, DicomCommand.CEchoRequest(8).Dataset);
        DicomCommand echo = await ReadCommandAsync(peer);

        (answer.CommandField, answer.MessageIdBeingRespondedTo, answer.Status).Should().Be(((ushort)0x8110, (ushort)7, DicomStatus.UnrecognizedOperation));
        (echo.MessageIdBeingRespondedTo, echo.Status).Should().Be(((ushort)8, DicomStatus.Success));
        server.LogLines.Should().ContainSingle(l => l.Contains("0x0110", StringComparison.Ordinal) && l.Contains("not supported", StringComparison.Ordinal));
    }

    [Test]
    public async Task An_unsolicited_response_aborts_that_association_and_others_are_served()
    {
        Dcmtk.Require("echoscu");
        await using var server = TestListener.Start(o => o.ArtimTimeout = TimeSpan.FromMilliseconds(500));
        using RawPeer peer = await RawPeer.ConnectAsync(server.Port);
        await peer.AssociateAsync();

        await SendCommandAsync(peer, DicomCommand.Response(DicomCommand.CEchoRequest(3), DicomStatus.Success).Dataset);
        Pdu? answer = await peer.ReadPduAsync();
        ToolResult other = await Dcmtk.RunAsync("echoscu", ["-aet", "X", "-aec", "IMAGEQUALITY", "127.0.0.1", server.PortText]);

        AbortPdu abort = answer.Should().BeOfType<AbortPdu>().Subject;
        abort.Source.Should().Be(AbortSource.ServiceUser);
        (await peer.WaitForCloseAsync(TimeSpan.FromSeconds(10))).Should().BeTrue();
        server.LogLines.Should().ContainSingle(l => l.Contains("unsolicited DIMSE response 0x8030", StringComparison.Ordinal) && l.Contains("aborting", StringComparison.Ordinal));
        other.ExitCode.Should().Be(0, other.ToString());
        await RefusalTests.WaitUntilAsync(() => server.Listener.ActiveAssociations == 0);
    }

    [Test]
    public async Task The_idle_timeout_still_fires_after_a_response_was_sent_while_the_reader_waited()
    {
        // The response is sent, and the deadline re-armed, by the DIMSE task while the read loop already waits for
        // the next PDU: re-arming must not detach that wait from its deadline.
        await using var server = TestListener.Start(o => o.IdleTimeout = TimeSpan.FromMilliseconds(500));
        using RawPeer peer = await RawPeer.ConnectAsync(server.Port);
        await peer.AssociateAsync();
        await SendCommandAsync(peer, DicomCommand.CEchoRequest(1).Dataset);
        (await ReadCommandAsync(peer)).Status.Should().Be(DicomStatus.Success);

        Pdu? next = await peer.ReadPduAsync(TimeSpan.FromSeconds(10));

        next.Should().BeOfType<AbortPdu>("the association was idle for longer than the idle timeout");
        server.LogLines.Should().Contain(l => l.Contains("idle timeout, aborting", StringComparison.Ordinal));
    }

    private static Task SendCommandAsync(RawPeer peer, DicomDataset command) =>
        peer.SendAsync(new PDataTransferPdu([new PresentationDataValue(1, true, true, new DicomCommand(command).Encode())]).ToArray());

    private static async Task<DicomCommand> ReadCommandAsync(RawPeer peer)
    {
        PDataTransferPdu data = (await peer.ReadPduAsync()).Should().BeOfType<PDataTransferPdu>().Subject;
        PresentationDataValue pdv = data.Values.Should().ContainSingle().Subject;
        return DicomCommand.Decode(pdv.Data.ToArray());
    }
}
