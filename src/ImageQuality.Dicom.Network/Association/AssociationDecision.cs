using ImageQuality.Dicom.Network.Pdus;

namespace ImageQuality.Dicom.Network.Association;

/// <summary>The answer to an A-ASSOCIATE-RQ: an A-ASSOCIATE-AC with its accepted contexts, or an A-ASSOCIATE-RJ and why.</summary>
internal sealed class AssociationDecision
{
    private AssociationDecision(AssociateAcceptPdu? accept, IReadOnlyDictionary<byte, AcceptedPresentationContext>? contexts, AssociateRejectPdu? reject, string? reason)
    {
        Accept = accept;
        AcceptedContexts = contexts ?? new Dictionary<byte, AcceptedPresentationContext>();
        Reject = reject;
        RejectReason = reason;
    }

    public AssociateAcceptPdu? Accept { get; }

    public IReadOnlyDictionary<byte, AcceptedPresentationContext> AcceptedContexts { get; }

    public AssociateRejectPdu? Reject { get; }

    /// <summary>For the log: why the request was rejected.</summary>
    public string? RejectReason { get; }

    public static AssociationDecision Accepted(AssociateAcceptPdu accept, IReadOnlyDictionary<byte, AcceptedPresentationContext> contexts) =>
        new(accept, contexts, null, null);

    public static AssociationDecision Rejected(RejectResult result, RejectSource source, byte reason, string why) =>
        new(null, null, new AssociateRejectPdu(result, source, reason), why);
}
