using ImageQuality.Dicom.Network.Association;
using ImageQuality.Dicom.Network.Pdus;
using ImageQuality.Dicom.Network.Pdus.Items;

namespace ImageQuality.Dicom.Network.Tests.Interop;

/// <summary>Each refusal answered as the standard says, seen through dcmtk's own messages where it can show it.</summary>
public sealed class RefusalTests
{
    [Test]
    public async Task An_unknown_calling_ae_is_rejected_permanently_by_the_service_user_reason_3()
    {
        Dcmtk.Require("echoscu");
        await using var server = TestListener.Start(o => o.AllowedCallers = [new DicomPeer("KNOWN")]);

        ToolResult refused = await Dcmtk.RunAsync("echoscu", ["-aet", "STRANGER", "-aec", "IMAGEQUALITY", "127.0.0.1", server.PortText]);
        ToolResult allowed = await Dcmtk.RunAsync("echoscu", ["-aet", "KNOWN", "-aec", "IMAGEQUALITY", "127.0.0.1", server.PortText]);

        refused.ExitCode.Should().NotBe(0);
        refused.Output.Should().Contain("Rejected Permanent").And.Contain("Service User").And.Contain("Calling AE Title Not Recognized");
        allowed.ExitCode.Should().Be(0, allowed.ToString());
    }

    [Test]
    public async Task A_calling_ae_tied_to_another_address_is_rejected()
    {
        Dcmtk.Require("echoscu");
        await using var server = TestListener.Start(o => o.AllowedCallers = [new DicomPeer("KNOWN", "10.1.2.3")]);

        ToolResult r = await Dcmtk.RunAsync("echoscu", ["-aet", "KNOWN", "-aec", "IMAGEQUALITY", "127.0.0.1", server.PortText]);

        r.ExitCode.Should().NotBe(0);
        r.Output.Should().Contain("Calling AE Title Not Recognized");
    }

    [Test]
    public async Task A_wrong_called_ae_is_rejected_permanently_by_the_service_user_reason_7()
    {
        Dcmtk.Require("echoscu");
        await using var server = TestListener.Start();

        ToolResult r = await Dcmtk.RunAsync("echoscu", ["-aet", "X", "-aec", "NOT-US", "127.0.0.1", server.PortText]);

        r.ExitCode.Should().NotBe(0);
        r.Output.Should().Contain("Rejected Permanent").And.Contain("Service User").And.Contain("Called AE Title Not Recognized");
    }

    [Test]
    public async Task A_wrong_called_ae_is_accepted_when_the_match_is_not_required()
    {
        Dcmtk.Require("echoscu");
        await using var server = TestListener.Start(o => o.RequireCalledAeMatch = false);

        ToolResult r = await Dcmtk.RunAsync("echoscu", ["-aet", "X", "-aec", "NOT-US", "127.0.0.1", server.PortText]);

        r.ExitCode.Should().Be(0, r.ToString());
    }

    [Test]
    public async Task Associations_beyond_the_limit_are_rejected_transiently_by_the_presentation_provider_reason_2()
    {
        Dcmtk.Require("echoscu");
        await using var server = TestListener.Start(o => o.MaxAssociations = 1);
        using RawPeer holder = await RawPeer.ConnectAsync(server.Port);
        await holder.AssociateAsync();

        ToolResult r = await Dcmtk.RunAsync("echoscu", ["-aet", "X", "-aec", "IMAGEQUALITY", "127.0.0.1", server.PortText]);

        r.ExitCode.Should().NotBe(0);
        r.Output.Should().Contain("Rejected Transient").And.Contain("Local Limit Exceeded");
        server.Listener.ActiveAssociations.Should().Be(1);
    }

    [Test]
    public async Task A_slot_is_given_back_when_an_association_ends()
    {
        Dcmtk.Require("echoscu");
        await using var server = TestListener.Start(o => o.MaxAssociations = 1);
        using (RawPeer holder = await RawPeer.ConnectAsync(server.Port))
        {
            await holder.AssociateAsync();
        }

        await WaitUntilAsync(() => server.Listener.ActiveAssociations == 0);
        ToolResult r = await Dcmtk.RunAsync("echoscu", ["-aet", "X", "-aec", "IMAGEQUALITY", "127.0.0.1", server.PortText]);

        r.ExitCode.Should().Be(0, r.ToString());
    }

    [Test]
    public async Task A_bad_protocol_version_is_rejected_by_the_acse_provider_reason_2()
    {
        await using var server = TestListener.Start();
        using RawPeer peer = await RawPeer.ConnectAsync(server.Port);

        await peer.SendAsync(RawPeer.Request(version: 2).ToArray());
        Pdu? answer = await peer.ReadPduAsync();

        AssociateRejectPdu rj = answer.Should().BeOfType<AssociateRejectPdu>().Subject;
        (rj.Result, rj.Source, rj.Reason).Should().Be((RejectResult.Permanent, RejectSource.ServiceProviderAcse, RejectReason.ProtocolVersionNotSupported));
    }

    [Test]
    public async Task An_unsupported_sop_class_gets_no_context_and_storescu_fails()
    {
        Dcmtk.Require("storescu");
        string ct = StoreCorpus.Files().First(f => f.EndsWith("CT_small.dcm", StringComparison.Ordinal));
        await using var server = TestListener.Start(o => o.AcceptedSopClasses = [DicomUids.Verification, DicomUids.MRImageStorage]);

        ToolResult r = await Dcmtk.RunAsync("storescu", ["-aet", "X", "-aec", "IMAGEQUALITY", "127.0.0.1", server.PortText, ct]);

        r.ExitCode.Should().NotBe(0);
        r.Output.Should().Contain("No presentation context");
        server.StoredFiles().Should().BeEmpty();
    }

    [Test]
    public async Task Presentation_context_results_say_abstract_syntax_or_transfer_syntax_not_supported()
    {
        await using var server = TestListener.Start(o => o.AcceptedTransferSyntaxes = [DicomUids.ExplicitVRLittleEndian]);
        using RawPeer peer = await RawPeer.ConnectAsync(server.Port);
        AssociateRequestPdu rq = RawPeer.Request();
        rq.PresentationContexts.Add(new PresentationContextRequestItem(3, "1.2.3.4.5.6", [DicomUids.ExplicitVRLittleEndian]));
        rq.PresentationContexts.Add(new PresentationContextRequestItem(5, DicomUids.CTImageStorage, [DicomUids.ImplicitVRLittleEndian]));

        await peer.SendAsync(rq.ToArray());
        var ac = (AssociateAcceptPdu)(await peer.ReadPduAsync())!;

        ac.PresentationContexts.Select(p => (p.Id, p.Result, p.TransferSyntax)).Should().Equal(
            (1, PresentationContextResult.Acceptance, DicomUids.ExplicitVRLittleEndian),
            (3, PresentationContextResult.AbstractSyntaxNotSupported, null),
            (5, PresentationContextResult.TransferSyntaxesNotSupported, null));
        ac.UserInformation.MaximumLength.Should().Be(131072);
        ac.UserInformation.ImplementationClassUid.Should().Be(DicomImplementation.ClassUid);
    }

    [Test]
    public async Task No_acceptable_transfer_syntax_leaves_echoscu_without_a_context()
    {
        Dcmtk.Require("echoscu");
        await using var server = TestListener.Start(o => o.AcceptedTransferSyntaxes = [TransferSyntax.JPEG2000Lossless.Uid]);

        ToolResult r = await Dcmtk.RunAsync("echoscu", ["-aet", "X", "-aec", "IMAGEQUALITY", "127.0.0.1", server.PortText]);

        r.ExitCode.Should().NotBe(0);
        r.Output.Should().Contain("No Acceptable Presentation Contexts");
    }

    internal static async Task WaitUntilAsync(Func<bool> condition, double seconds = 10)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                Assert.Fail("The condition did not become true in time");
            }

            await Task.Delay(20);
        }
    }
}
