namespace ImageQuality.Dicom.Network.Dimse;

/// <summary>Status classes of DIMSE responses (PS3.7 C.1).</summary>
public enum DicomStatusCategory
{
    Success,
    Warning,
    Failure,
    Cancel,
    Pending,
}
