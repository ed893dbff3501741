namespace ImageQuality.Dicom.Network.Storage;

/// <summary>An instance that is durably in place in the folder store, with the attributes that placed it.</summary>
public sealed record StoredInstance(
    string Path,
    string SopClassUid,
    string SopInstanceUid,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string TransferSyntaxUid,
    string CallingAeTitle);
