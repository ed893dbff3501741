using System.Buffers;
using System.Text;
using ImageQuality.Dicom.Network.Pdus;
using ImageQuality.Dicom.Network.Pdus.Items;

namespace ImageQuality.Dicom.Network.Tests.Pdus;

public sealed class AssociatePduTests
{
    internal static AssociateRequestPdu FullRequest()
    {
        var user = new UserInformationItem
        {
            MaximumLength = 16384,
            ImplementationClassUid = "1.2.3.4.5",
            ImplementationVersionName = "TEST_1",
            AsynchronousOperationsWindow = new AsynchronousOperationsWindowSubItem(5, 1),
            UserIdentityRequest = new UserIdentityRequestSubItem(UserIdentityType.UsernameAndPasscode, true, Encoding.ASCII.GetBytes("alice"), Encoding.ASCII.GetBytes("secret")),
        };
        user.RoleSelections.Add(new RoleSelectionSubItem(DicomUids.CTImageStorage, true, false));
        user.SopClassExtendedNegotiations.Add(new SopClassExtendedNegotiationSubItem(DicomUids.CTImageStorage, new byte[] { 2, 0, 1, 0, 0, 0 }));
        user.SopClassCommonExtendedNegotiations.Add(new SopClassCommonExtendedNegotiationSubItem("1.2.840.10008.5.1.4.1.1.2.1", "1.2.840.10008.4.2", [DicomUids.CTImageStorage, "1.2.3"]));
        user.UnknownSubItems.Add(new UnknownSubItem(0x6A, new byte[] { 9, 8, 7 }));
        return new AssociateRequestPdu
        {
            CalledAeTitle = "IMAGEQUALITY",
            CallingAeTitle = "MODALITY",
            PresentationContexts =
            [
                new PresentationContextRequestItem(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian]),
                new PresentationContextRequestItem(3, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian]),
            ],
            UserInformation = user,
        };
    }

    [Test]
    public void An_associate_request_with_every_item_round_trips()
    {
        var back = (AssociateRequestPdu)PduTestHelpers.RoundTrip(FullRequest());

        back.ProtocolVersion.Should().Be(1);
        back.CalledAeTitle.Should().Be("IMAGEQUALITY");
        back.CallingAeTitle.Should().Be("MODALITY");
        back.ApplicationContextName.Should().Be(ApplicationContextItem.DicomApplicationContextName);
        back.PresentationContexts.Should().HaveCount(2);
        back.PresentationContexts[1].Id.Should().Be(3);
        back.PresentationContexts[1].AbstractSyntax.Should().Be(DicomUids.CTImageStorage);
        back.PresentationContexts[1].TransferSyntaxes.Should().Equal(DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian);
        UserInformationItem u = back.UserInformation;
        u.MaximumLength.Should().Be(16384);
        u.ImplementationClassUid.Should().Be("1.2.3.4.5");
        u.ImplementationVersionName.Should().Be("TEST_1");
        u.AsynchronousOperationsWindow.Should().Be(new AsynchronousOperationsWindowSubItem(5, 1));
        u.RoleSelections.Should().ContainSingle().Which.Should().Be(new RoleSelectionSubItem(DicomUids.CTImageStorage, true, false));
        u.SopClassExtendedNegotiations.Single().ServiceClassApplicationInformation.ToArray().Should().Equal(2, 0, 1, 0, 0, 0);
        u.SopClassCommonExtendedNegotiations.Single().RelatedGeneralSopClassUids.Should().Equal(DicomUids.CTImageStorage, "1.2.3");
        u.SopClassCommonExtendedNegotiations.Single().ServiceClassUid.Should().Be("1.2.840.10008.4.2");
        u.UserIdentityRequest!.IdentityType.Should().Be(UserIdentityType.UsernameAndPasscode);
        u.UserIdentityRequest.PositiveResponseRequested.Should().BeTrue();
        Encoding.ASCII.GetString(u.UserIdentityRequest.PrimaryField.Span).Should().Be("alice");
        Encoding.ASCII.GetString(u.UserIdentityRequest.SecondaryField.Span).Should().Be("secret");
        u.UnknownSubItems.Single().Type.Should().Be(0x6A);
    }

    [Test]
    public void The_encoding_follows_the_standard_layout()
    {
        byte[] bytes = FullRequest().ToArray();

        bytes[0].Should().Be(0x01);
        ((bytes[2] << 24) | (bytes[3] << 16) | (bytes[4] << 8) | bytes[5]).Should().Be(bytes.Length - 6);
        bytes[6..8].Should().Equal(0x00, 0x01);
        Encoding.ASCII.GetString(bytes, 10, 16).Should().Be("IMAGEQUALITY    ");
        Encoding.ASCII.GetString(bytes, 26, 16).Should().Be("MODALITY        ");
        bytes[42..74].Should().OnlyContain(b => b == 0);
        bytes[74].Should().Be(0x10);
    }

    [Test]
    public void A_request_split_into_one_byte_segments_parses_the_same()
    {
        byte[] bytes = FullRequest().ToArray();
        ReadOnlySequence<byte> buffer = PduTestHelpers.Fragmented(bytes);

        PduReader.TryRead(ref buffer, PduReadLimits.Default, out Pdu? pdu).Should().BeTrue();

        pdu.Should().BeOfType<AssociateRequestPdu>().Which.ToArray().Should().Equal(bytes);
    }

    [Test]
    public void Every_prefix_of_a_request_asks_for_more_data()
    {
        byte[] bytes = FullRequest().ToArray();
        for (int n = 0; n < bytes.Length; n++)
        {
            var buffer = new ReadOnlySequence<byte>(bytes, 0, n);
            PduReader.TryRead(ref buffer, PduReadLimits.Default, out _).Should().BeFalse($"{n} bytes are not a whole PDU");
            buffer.Length.Should().Be(n);
        }
    }

    [Test]
    public void An_associate_accept_round_trips()
    {
        var user = new UserInformationItem
        {
            MaximumLength = 131072,
            ImplementationClassUid = DicomImplementation.ClassUid,
            ImplementationVersionName = DicomImplementation.VersionName,
            AsynchronousOperationsWindow = new AsynchronousOperationsWindowSubItem(1, 1),
            UserIdentityAccept = new UserIdentityAcceptSubItem(new byte[] { 1, 2, 3 }),
        };
        user.RoleSelections.Add(new RoleSelectionSubItem(DicomUids.CTImageStorage, true, false));
        var ac = new AssociateAcceptPdu
        {
            CalledAeTitle = "IMAGEQUALITY",
            CallingAeTitle = "MODALITY",
            PresentationContexts =
            [
                new PresentationContextAcceptItem(1, PresentationContextResult.Acceptance, DicomUids.ImplicitVRLittleEndian),
                new PresentationContextAcceptItem(3, PresentationContextResult.AbstractSyntaxNotSupported, null),
                new PresentationContextAcceptItem(5, PresentationContextResult.TransferSyntaxesNotSupported, null),
            ],
            UserInformation = user,
        };

        var back = (AssociateAcceptPdu)PduTestHelpers.RoundTrip(ac);

        back.PresentationContexts.Select(p => (p.Id, p.Result, p.TransferSyntax)).Should().Equal(
            (1, PresentationContextResult.Acceptance, DicomUids.ImplicitVRLittleEndian),
            (3, PresentationContextResult.AbstractSyntaxNotSupported, null),
            (5, PresentationContextResult.TransferSyntaxesNotSupported, null));
        back.UserInformation.MaximumLength.Should().Be(131072);
        back.UserInformation.ImplementationClassUid.Should().Be(DicomImplementation.ClassUid);
        back.UserInformation.UserIdentityAccept!.ServerResponse.ToArray().Should().Equal(1, 2, 3);
        back.UserInformation.RoleSelections.Should().ContainSingle();
    }

    [Test]
    public void A_bad_protocol_version_still_parses_so_that_it_can_be_rejected()
    {
        AssociateRequestPdu rq = FullRequest();
        var odd = new AssociateRequestPdu { ProtocolVersion = 2, CalledAeTitle = rq.CalledAeTitle, CallingAeTitle = rq.CallingAeTitle, PresentationContexts = rq.PresentationContexts };

        ((AssociateRequestPdu)PduTestHelpers.RoundTrip(odd)).ProtocolVersion.Should().Be(2);
    }

    [Test]
    public void An_even_presentation_context_id_is_an_invalid_parameter()
    {
        var rq = new AssociateRequestPdu
        {
            CalledAeTitle = "A",
            CallingAeTitle = "B",
            PresentationContexts = [new PresentationContextRequestItem(2, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian])],
        };

        PduTestHelpers.ParseFails(rq.ToArray()).Reason.Should().Be(AbortReason.InvalidPduParameterValue);
    }

    [Test]
    public void A_duplicated_presentation_context_id_is_an_invalid_parameter()
    {
        var rq = new AssociateRequestPdu
        {
            CalledAeTitle = "A",
            CallingAeTitle = "B",
            PresentationContexts =
            [
                new PresentationContextRequestItem(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian]),
                new PresentationContextRequestItem(1, DicomUids.CTImageStorage, [DicomUids.ImplicitVRLittleEndian]),
            ],
        };

        PduTestHelpers.ParseFails(rq.ToArray()).Reason.Should().Be(AbortReason.InvalidPduParameterValue);
    }

    [Test]
    public void A_presentation_context_without_transfer_syntax_is_invalid()
    {
        var rq = new AssociateRequestPdu
        {
            CalledAeTitle = "A",
            CallingAeTitle = "B",
            PresentationContexts = [new PresentationContextRequestItem(1, DicomUids.Verification, [])],
        };

        PduTestHelpers.ParseFails(rq.ToArray()).Reason.Should().Be(AbortReason.InvalidPduParameterValue);
    }

    [Test]
    public void An_item_length_past_the_end_of_the_pdu_is_invalid()
    {
        byte[] bytes = FullRequest().ToArray();

        // The application context item's length field is at offset 76.
        bytes[76] = 0xFF;
        bytes[77] = 0xFF;

        PduTestHelpers.ParseFails(bytes).Reason.Should().Be(AbortReason.InvalidPduParameterValue);
    }

    [Test]
    public void A_pdu_cut_inside_an_item_is_invalid()
    {
        byte[] bytes = FullRequest().ToArray();

        // Declare the PDU 10 bytes shorter: the last sub-item then overruns its enclosing item and PDU.
        byte[] cut = PduTestHelpers.WithPduLength(bytes[..^10], (uint)(bytes.Length - 16));

        PduTestHelpers.ParseFails(cut).Reason.Should().Be(AbortReason.InvalidPduParameterValue);
    }

    [Test]
    public void A_request_shorter_than_its_fixed_fields_is_invalid()
    {
        byte[] bytes = [0x01, 0, 0, 0, 0, 10, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0];

        PduTestHelpers.ParseFails(bytes).Reason.Should().Be(AbortReason.InvalidPduParameterValue);
    }

    [Test]
    public void An_unknown_item_type_is_an_unrecognized_parameter()
    {
        byte[] bytes = FullRequest().ToArray();
        bytes[74] = 0x33;

        PduTestHelpers.ParseFails(bytes).Reason.Should().Be(AbortReason.UnrecognizedPduParameter);
    }

    [Test]
    public void An_accept_context_in_a_request_is_an_unexpected_parameter()
    {
        byte[] bytes = FullRequest().ToArray();
        int contextItem = 74 + 4 + ApplicationContextItem.DicomApplicationContextName.Length;
        bytes[contextItem].Should().Be(0x20);
        bytes[contextItem] = 0x21;

        PduTestHelpers.ParseFails(bytes).Reason.Should().Be(AbortReason.UnexpectedPduParameter);
    }

    [Test]
    public void A_user_identity_response_in_a_request_is_an_unexpected_parameter()
    {
        AssociateRequestPdu rq = FullRequest();
        rq.UserInformation.UserIdentityRequest = null;
        rq.UserInformation.UserIdentityAccept = new UserIdentityAcceptSubItem(new byte[] { 1 });

        PduTestHelpers.ParseFails(rq.ToArray()).Reason.Should().Be(AbortReason.UnexpectedPduParameter);
    }

    [Test]
    public void A_truncated_role_selection_sub_item_is_invalid()
    {
        var item = new RoleSelectionSubItem("1.2", true, true);
        var w = new ArrayBufferWriter<byte>();
        item.Write(w);
        byte[] body = w.WrittenSpan[4..^1].ToArray();

        Action read = () => RoleSelectionSubItem.Read(new ReadOnlySequence<byte>(body));

        read.Should().Throw<DicomNetworkProtocolException>().Which.Reason.Should().Be(AbortReason.InvalidPduParameterValue);
    }

    [Test]
    public void Uids_padded_with_nul_are_read_without_the_padding()
    {
        var rq = new AssociateRequestPdu
        {
            CalledAeTitle = "A",
            CallingAeTitle = "B",
            PresentationContexts = [new PresentationContextRequestItem(1, DicomUids.Verification + "\0", [DicomUids.ImplicitVRLittleEndian + "\0"])],
        };

        var back = (AssociateRequestPdu)PduTestHelpers.RoundTrip(rq);

        back.PresentationContexts[0].AbstractSyntax.Should().Be(DicomUids.Verification);
        back.PresentationContexts[0].TransferSyntaxes.Should().Equal(DicomUids.ImplicitVRLittleEndian);
    }
}
