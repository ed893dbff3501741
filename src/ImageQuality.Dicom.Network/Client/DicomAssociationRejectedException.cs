using ImageQuality.Dicom.Network.Pdus;

namespace ImageQuality.Dicom.Network.Client;

/// <summary>The called AE answered our A-ASSOCIATE-RQ with A-ASSOCIATE-RJ.</summary>
public sealed class DicomAssociationRejectedException : Exception
{
    public DicomAssociationRejectedException(AssociateRejectPdu reject)
        : base($"Association rejected: result {(byte)reject.Result}, source {(byte)reject.Source}, reason {reject.Reason}")
    {
        Result = reject.Result;
        RejectSource = reject.Source;
        Reason = reject.Reason;
    }

    public RejectResult Result { get; }

    public RejectSource RejectSource { get; }

    public byte Reason { get; }
}
