using ImageQuality.Dicom.Network.Dimse;

namespace ImageQuality.Dicom.Network.Client;

/// <summary>How storing one file went: the peer's C-STORE status, or why it was not sent.</summary>
/// <param name="Sent">False when no accepted presentation context could carry the file; <paramref name="Status"/> is then 0122.</param>
public sealed record DicomStoreResult(string Path, string SopInstanceUid, DicomStatus Status, string? ErrorComment, bool Sent);
