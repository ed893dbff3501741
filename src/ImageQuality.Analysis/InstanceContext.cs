using ImageQuality.Dicom;
using ImageQuality.Dicom.IO;

namespace ImageQuality.Analysis;

/// <summary>
/// One stored image as an analyzer sees it: its header (read without pixel data, cheap) and the way to its pixels,
/// read only when an analyzer needs them.
/// </summary>
public sealed class InstanceContext
{
    public InstanceContext(DicomFile header, string filePath)
    {
        Header = header;
        FilePath = filePath;
    }

    /// <summary>File meta information and data set, without Pixel Data.</summary>
    public DicomFile Header { get; }

    public DicomDataset Dataset => Header.Dataset;

    public string FilePath { get; }

    public string SopInstanceUid => Dataset.GetString(DicomTag.SOPInstanceUID) ?? Header.FileMetaInformation.GetString(DicomTag.MediaStorageSOPInstanceUID) ?? "";

    /// <summary>Reads the header of a stored file.</summary>
    public static InstanceContext Load(string filePath) =>
        new(DicomFileReader.Read(filePath, new DicomReadOptions { StopBeforePixelData = true }), filePath);

    /// <summary>The whole file, pixel data included.</summary>
    public DicomFile ReadWithPixelData() => DicomFileReader.Read(FilePath);
}
