namespace ImageQuality.Dicom.Network.Dimse;

/// <summary>What a C-STORE response says: the status and, for warnings and failures, an Error Comment (at most 64 characters, no patient data).</summary>
public readonly record struct StoreOutcome(DicomStatus Status, string? ErrorComment = null)
{
    public static StoreOutcome Success => new(DicomStatus.Success);
}
