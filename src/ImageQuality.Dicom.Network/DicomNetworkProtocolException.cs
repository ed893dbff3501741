using ImageQuality.Dicom.Network.Pdus;

namespace ImageQuality.Dicom.Network;

/// <summary>
/// The peer broke the upper layer protocol (PS3.8): a malformed, unknown or unexpected PDU. Carries the
/// A-ABORT reason (source 2, service provider) that the association answers with.
/// </summary>
public sealed class DicomNetworkProtocolException : Exception
{
    public DicomNetworkProtocolException(AbortReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    public AbortReason Reason { get; }
}
