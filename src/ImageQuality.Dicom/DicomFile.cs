using ImageQuality.Dicom.IO;

namespace ImageQuality.Dicom;

/// <summary>A DICOM Part 10 file (PS3.10 7): file meta information, and the data set in its transfer syntax.</summary>
public sealed class DicomFile
{
    public DicomFile(DicomDataset fileMetaInformation, DicomDataset dataset, TransferSyntax transferSyntax)
    {
        FileMetaInformation = fileMetaInformation;
        Dataset = dataset;
        TransferSyntax = transferSyntax;
    }

    /// <summary>Group 0002 elements. Empty for a file that had none (a bare data set).</summary>
    public DicomDataset FileMetaInformation { get; }

    public DicomDataset Dataset { get; }

    /// <summary>The encoding the data set was read in (from the meta information, or detected when missing).</summary>
    public TransferSyntax TransferSyntax { get; }

    /// <summary>Whether the file began with the 128-byte preamble and "DICM".</summary>
    public bool HadPreamble { get; init; }

    public bool HadFileMetaInformation => FileMetaInformation.Count > 0;

    /// <summary>Reading stopped before top-level Pixel Data (<see cref="DicomReadOptions.StopBeforePixelData"/>) at this offset.</summary>
    public long? PixelDataOffset { get; init; }

    /// <summary>Things that were wrong but readable: odd lengths, unknown VRs, a missing transfer syntax, …</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The file the data set was read from, when read from a path.</summary>
    public string? Path { get; init; }

    public static DicomFile Open(string path, DicomReadOptions? options = null) => DicomFileReader.Read(path, options);

    public static DicomFile Open(Stream stream, DicomReadOptions? options = null) => DicomFileReader.Read(stream, options);

    public void Save(string path, DicomWriteOptions? options = null) => DicomFileWriter.Write(path, this, options);

    public void Save(Stream stream, DicomWriteOptions? options = null) => DicomFileWriter.Write(stream, this, options);
}
