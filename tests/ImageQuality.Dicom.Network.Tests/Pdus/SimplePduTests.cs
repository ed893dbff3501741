using System.Buffers;
using ImageQuality.Dicom.Network.Pdus;

namespace ImageQuality.Dicom.Network.Tests.Pdus;

public sealed class SimplePduTests
{
    [Test]
    public void Associate_reject_round_trips()
    {
        var rj = new AssociateRejectPdu(RejectResult.Transient, RejectSource.ServiceProviderPresentation, RejectReason.LocalLimitExceeded);

        byte[] bytes = rj.ToArray();
        var back = (AssociateRejectPdu)PduTestHelpers.Parse(bytes);

        bytes.Should().Equal(0x03, 0, 0, 0, 0, 4, 0, 2, 3, 2);
        (back.Result, back.Source, back.Reason).Should().Be((RejectResult.Transient, RejectSource.ServiceProviderPresentation, RejectReason.LocalLimitExceeded));
    }

    [Test]
    public void Release_request_and_response_round_trip()
    {
        ReleaseRequestPdu.Instance.ToArray().Should().Equal(0x05, 0, 0, 0, 0, 4, 0, 0, 0, 0);
        ReleaseResponsePdu.Instance.ToArray().Should().Equal(0x06, 0, 0, 0, 0, 4, 0, 0, 0, 0);
        PduTestHelpers.RoundTrip(ReleaseRequestPdu.Instance).Should().BeSameAs(ReleaseRequestPdu.Instance);
        PduTestHelpers.RoundTrip(ReleaseResponsePdu.Instance).Should().BeSameAs(ReleaseResponsePdu.Instance);
    }

    [Test]
    public void Abort_round_trips()
    {
        var abort = new AbortPdu(AbortSource.ServiceProvider, AbortReason.InvalidPduParameterValue);

        abort.ToArray().Should().Equal(0x07, 0, 0, 0, 0, 4, 0, 0, 2, 6);
        var back = (AbortPdu)PduTestHelpers.RoundTrip(abort);
        (back.Source, back.Reason).Should().Be((AbortSource.ServiceProvider, AbortReason.InvalidPduParameterValue));
    }

    [Test]
    public void P_data_with_several_values_round_trips()
    {
        var pdu = new PDataTransferPdu(
        [
            new PresentationDataValue(1, isCommand: true, isLastFragment: true, new byte[] { 1, 2, 3, 4 }),
            new PresentationDataValue(1, isCommand: false, isLastFragment: false, new byte[] { 5, 6 }),
        ]);

        byte[] bytes = pdu.ToArray();
        var back = (PDataTransferPdu)PduTestHelpers.Parse(bytes);

        bytes[..12].Should().Equal(0x04, 0, 0, 0, 0, 18, 0, 0, 0, 6, 1, 3);
        back.Values.Should().HaveCount(2);
        back.Values[0].IsCommand.Should().BeTrue();
        back.Values[0].IsLastFragment.Should().BeTrue();
        back.Values[0].Data.ToArray().Should().Equal(1, 2, 3, 4);
        back.Values[1].IsCommand.Should().BeFalse();
        back.Values[1].IsLastFragment.Should().BeFalse();
        back.Values[1].Data.ToArray().Should().Equal(5, 6);
    }

    [Test]
    public void Two_pdus_in_one_buffer_are_read_one_after_the_other()
    {
        byte[] bytes = [.. ReleaseRequestPdu.Instance.ToArray(), .. new AbortPdu(AbortSource.ServiceUser, 0).ToArray()];
        var buffer = new ReadOnlySequence<byte>(bytes);

        PduReader.TryRead(ref buffer, PduReadLimits.Default, out Pdu? first).Should().BeTrue();
        PduReader.TryRead(ref buffer, PduReadLimits.Default, out Pdu? second).Should().BeTrue();

        first.Should().BeSameAs(ReleaseRequestPdu.Instance);
        second.Should().BeOfType<AbortPdu>();
        buffer.Length.Should().Be(0);
    }

    [Test]
    public void An_unknown_pdu_type_is_unrecognized()
    {
        PduTestHelpers.ParseFails([0x09, 0, 0, 0, 0, 4, 0, 0, 0, 0]).Reason.Should().Be(AbortReason.UnrecognizedPdu);
        PduTestHelpers.ParseFails([0x00, 0, 0, 0, 0, 4]).Reason.Should().Be(AbortReason.UnrecognizedPdu);
    }

    [Test]
    public void Garbage_is_refused_from_its_first_six_bytes()
    {
        byte[] http = "GET / HTTP/1.1\r\n"u8.ToArray();

        PduTestHelpers.ParseFails(http).Reason.Should().Be(AbortReason.UnrecognizedPdu);
    }

    [Test]
    public void A_p_data_longer_than_the_negotiated_maximum_is_refused_before_its_body_arrives()
    {
        byte[] header = [0x04, 0, 0x00, 0x02, 0x00, 0x01];

        PduTestHelpers.ParseFails(header, new PduReadLimits(131072, 1 << 20)).Reason.Should().Be(AbortReason.InvalidPduParameterValue);
    }

    [Test]
    public void A_p_data_at_the_negotiated_maximum_is_accepted()
    {
        var pdu = new PDataTransferPdu([new PresentationDataValue(1, false, true, new byte[4090])]);

        PduTestHelpers.Parse(pdu.ToArray(), new PduReadLimits(4096, 1 << 20)).Should().BeOfType<PDataTransferPdu>();
    }

    [Test]
    public void An_oversized_associate_request_is_refused_on_its_header()
    {
        PduTestHelpers.ParseFails([0x01, 0, 0x7F, 0, 0, 0], PduReadLimits.Default).Reason.Should().Be(AbortReason.InvalidPduParameterValue);
    }

    [Test]
    public void Fixed_length_pdus_with_another_length_are_invalid()
    {
        PduTestHelpers.ParseFails([0x05, 0, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0]).Reason.Should().Be(AbortReason.InvalidPduParameterValue);
    }

    [Test]
    public void A_pdv_whose_length_runs_past_the_pdu_is_invalid()
    {
        byte[] bytes = [0x04, 0, 0, 0, 0, 8, 0, 0, 0, 9, 1, 3, 0, 0];

        PduTestHelpers.ParseFails(bytes).Reason.Should().Be(AbortReason.InvalidPduParameterValue);
    }

    [Test]
    public void A_pdv_too_short_for_its_header_is_invalid()
    {
        byte[] bytes = [0x04, 0, 0, 0, 0, 5, 0, 0, 0, 1, 1];

        PduTestHelpers.ParseFails(bytes).Reason.Should().Be(AbortReason.InvalidPduParameterValue);
    }

    [Test]
    public void A_pdv_on_an_even_context_is_invalid()
    {
        byte[] bytes = [0x04, 0, 0, 0, 0, 7, 0, 0, 0, 3, 2, 3, 0];

        PduTestHelpers.ParseFails(bytes).Reason.Should().Be(AbortReason.InvalidPduParameterValue);
    }

    [Test]
    public void An_empty_p_data_is_invalid()
    {
        PduTestHelpers.ParseFails([0x04, 0, 0, 0, 0, 0]).Reason.Should().Be(AbortReason.InvalidPduParameterValue);
    }

    [Test]
    public void A_reject_with_an_undefined_source_is_invalid()
    {
        PduTestHelpers.ParseFails([0x03, 0, 0, 0, 0, 4, 0, 1, 9, 1]).Reason.Should().Be(AbortReason.InvalidPduParameterValue);
    }
}
