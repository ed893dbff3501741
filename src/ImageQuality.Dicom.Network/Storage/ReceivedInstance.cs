namespace ImageQuality.Dicom.Network.Storage;

/// <summary>
/// An instance that is durably in place in a <see cref="DicomFolderStore"/>, as announced on
/// <see cref="DicomFolderStore.Received"/>: where it is, the attributes that placed it, and who sent it.
/// </summary>
/// <param name="Path">The Part 10 file, under the store's root.</param>
/// <param name="Size">The file's length in bytes, meta information included.</param>
/// <param name="ReceivedAt">When it was put in place.</param>
/// <param name="ReplacedExisting">True when it replaced a stored copy of the same SOP instance (<see cref="DuplicateInstancePolicy.Overwrite"/>).</param>
public sealed record ReceivedInstance(
    string Path,
    string SopClassUid,
    string SopInstanceUid,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string TransferSyntaxUid,
    string CallingAeTitle,
    long Size,
    DateTimeOffset ReceivedAt,
    bool ReplacedExisting);
