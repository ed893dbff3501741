using System.Collections.Frozen;
using System.Net;
using ImageQuality.Dicom.Network.Pdus;
using ImageQuality.Dicom.Network.Pdus.Items;

namespace ImageQuality.Dicom.Network.Association;

/// <summary>
/// Decides on A-ASSOCIATE-RQs from the listener's settings (PS3.8 7.1, PS3.7 D.3): provider checks, then
/// called and calling AE, then the association limit, then one result per presentation context.
/// </summary>
internal sealed class AssociationNegotiator
{
    private readonly DicomListenerOptions _options;
    private readonly FrozenSet<string>? _sopClasses;
    private readonly FrozenDictionary<string, int> _syntaxRank;
    private readonly (string AeTitle, IPAddress[] Addresses)[] _callers;

    public AssociationNegotiator(DicomListenerOptions options)
    {
        _options = options;
        _sopClasses = options.AcceptedSopClasses?.ToFrozenSet(StringComparer.Ordinal);
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < options.AcceptedTransferSyntaxes.Count; i++)
        {
            rank.TryAdd(options.AcceptedTransferSyntaxes[i], i);
        }

        _syntaxRank = rank.ToFrozenDictionary(StringComparer.Ordinal);
        _callers = [.. options.AllowedCallers.Select(p => (p.AeTitle.Trim(' '), p.Addresses.Select(a => Normalize(IPAddress.Parse(a))).ToArray()))];
    }

    /// <summary>The provider's own check in AE-6 (PS3.8 9.3.2): only protocol version 1 (bit 0) is tested.</summary>
    public static bool IsAcceptableToProvider(AssociateRequestPdu request) => (request.ProtocolVersion & 1) != 0;

    /// <param name="tryAcquireSlot">Takes one of the association slots; called only when everything else passed.</param>
    public AssociationDecision Negotiate(AssociateRequestPdu request, IPAddress? remote, Func<bool> tryAcquireSlot)
    {
        if (!IsAcceptableToProvider(request))
        {
            return AssociationDecision.Rejected(RejectResult.Permanent, RejectSource.ServiceProviderAcse, RejectReason.ProtocolVersionNotSupported, $"protocol version 0x{request.ProtocolVersion:X4} not supported");
        }

        if (request.ApplicationContextName != ApplicationContextItem.DicomApplicationContextName)
        {
            return AssociationDecision.Rejected(RejectResult.Permanent, RejectSource.ServiceUser, RejectReason.ApplicationContextNameNotSupported, "application context name not supported");
        }

        if (_options.RequireCalledAeMatch && !AeTitles.Same(request.CalledAeTitle, _options.AeTitle))
        {
            return AssociationDecision.Rejected(RejectResult.Permanent, RejectSource.ServiceUser, RejectReason.CalledAeTitleNotRecognized, $"called AE title '{request.CalledAeTitle}' is not ours");
        }

        if (!IsAllowedCaller(request.CallingAeTitle, remote))
        {
            return AssociationDecision.Rejected(RejectResult.Permanent, RejectSource.ServiceUser, RejectReason.CallingAeTitleNotRecognized, $"calling AE title '{request.CallingAeTitle}' from {remote} is not allowed");
        }

        if (!tryAcquireSlot())
        {
            return AssociationDecision.Rejected(RejectResult.Transient, RejectSource.ServiceProviderPresentation, RejectReason.LocalLimitExceeded, $"already {_options.MaxAssociations} associations");
        }

        var accepted = new Dictionary<byte, AcceptedPresentationContext>();
        var results = new List<PresentationContextAcceptItem>(request.PresentationContexts.Count);
        foreach (PresentationContextRequestItem pc in request.PresentationContexts)
        {
            results.Add(NegotiateContext(pc, accepted));
        }

        var user = new UserInformationItem
        {
            MaximumLength = (uint)_options.MaxPduLength,
            ImplementationClassUid = DicomImplementation.ClassUid,
            ImplementationVersionName = DicomImplementation.VersionName,
        };

        // We perform one operation at a time (PS3.7 D.3.3.3): answer a proposed window with 1/1.
        if (request.UserInformation.AsynchronousOperationsWindow is not null)
        {
            user.AsynchronousOperationsWindow = new AsynchronousOperationsWindowSubItem(1, 1);
        }

        // The requestor may be SCU of what we accept; we never take the SCU role ourselves (no C-GET sub-operations).
        foreach (RoleSelectionSubItem role in request.UserInformation.RoleSelections)
        {
            user.RoleSelections.Add(new RoleSelectionSubItem(role.SopClassUid, role.ScuRole && IsAcceptedSopClass(role.SopClassUid), false));
        }

        var accept = new AssociateAcceptPdu
        {
            CalledAeTitle = request.CalledAeTitle,
            CallingAeTitle = request.CallingAeTitle,
            PresentationContexts = results,
            UserInformation = user,
        };
        return AssociationDecision.Accepted(accept, accepted);
    }

    public bool IsAcceptedSopClass(string uid) =>
        _sopClasses?.Contains(uid) ?? (uid == DicomUids.Verification || DicomUids.IsStorageSopClass(uid));

    private PresentationContextAcceptItem NegotiateContext(PresentationContextRequestItem pc, Dictionary<byte, AcceptedPresentationContext> accepted)
    {
        if (!IsAcceptedSopClass(pc.AbstractSyntax))
        {
            return new PresentationContextAcceptItem(pc.Id, PresentationContextResult.AbstractSyntaxNotSupported, null);
        }

        string? best = null;
        int bestRank = int.MaxValue;
        foreach (string ts in pc.TransferSyntaxes)
        {
            if (_syntaxRank.TryGetValue(ts, out int rank) && rank < bestRank)
            {
                best = ts;
                bestRank = rank;
            }
        }

        if (best is null)
        {
            return new PresentationContextAcceptItem(pc.Id, PresentationContextResult.TransferSyntaxesNotSupported, null);
        }

        accepted[pc.Id] = new AcceptedPresentationContext(pc.Id, pc.AbstractSyntax, TransferSyntax.Lookup(best));
        return new PresentationContextAcceptItem(pc.Id, PresentationContextResult.Acceptance, best);
    }

    private bool IsAllowedCaller(string callingAeTitle, IPAddress? remote)
    {
        if (_callers.Length == 0)
        {
            return true;
        }

        IPAddress? address = remote is null ? null : Normalize(remote);
        foreach ((string ae, IPAddress[] addresses) in _callers)
        {
            if (AeTitles.Same(ae, callingAeTitle) && (addresses.Length == 0 || (address is not null && Array.IndexOf(addresses, address) >= 0)))
            {
                return true;
            }
        }

        return false;
    }

    private static IPAddress Normalize(IPAddress a) => a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a;
}
