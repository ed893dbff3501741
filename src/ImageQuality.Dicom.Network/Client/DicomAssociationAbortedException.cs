using ImageQuality.Dicom.Network.Pdus;

namespace ImageQuality.Dicom.Network.Client;

/// <summary>The association ended abnormally: the peer sent A-ABORT, broke the protocol, or closed the connection.</summary>
public sealed class DicomAssociationAbortedException : Exception
{
    public DicomAssociationAbortedException(string message, Pdus.AbortSource? source = null, AbortReason? reason = null)
        : base(message)
    {
        AbortSource = source;
        Reason = reason;
    }

    /// <summary>Set when the peer sent A-ABORT.</summary>
    public AbortSource? AbortSource { get; }

    public AbortReason? Reason { get; }
}
