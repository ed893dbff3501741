using System.Net;

namespace ImageQuality.Dicom.Network.Association;

/// <summary>What an established association is: who is at each end and what was negotiated.</summary>
public sealed class DicomAssociationInfo
{
    /// <summary>A number unique within the process, for logs.</summary>
    public required long Id { get; init; }

    public required string CallingAeTitle { get; init; }

    public required string CalledAeTitle { get; init; }

    public IPEndPoint? RemoteEndPoint { get; init; }

    /// <summary>The longest P-DATA-TF variable field the peer accepts; 0 means no limit.</summary>
    public required uint PeerMaxPduLength { get; init; }

    public string PeerImplementationClassUid { get; init; } = string.Empty;

    public string? PeerImplementationVersionName { get; init; }

    public required IReadOnlyDictionary<byte, AcceptedPresentationContext> AcceptedContexts { get; init; }

    public override string ToString() => $"association {Id} {CallingAeTitle}@{RemoteEndPoint} -> {CalledAeTitle}";
}
