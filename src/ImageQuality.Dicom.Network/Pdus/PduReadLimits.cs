namespace ImageQuality.Dicom.Network.Pdus;

/// <summary>
/// How long a received PDU may be, checked on its header before any of its body is buffered.
/// </summary>
/// <param name="MaxDataLength">
/// The maximum length we announced for the variable field of a P-DATA-TF (PS3.8 D.1); 0 means no limit.
/// </param>
/// <param name="MaxAssociateLength">The longest other PDU (A-ASSOCIATE-RQ/AC with many contexts, user identity tokens).</param>
public readonly record struct PduReadLimits(uint MaxDataLength, uint MaxAssociateLength)
{
    public static PduReadLimits Default { get; } = new(131072, 1 << 20);
}
