using System.Buffers.Binary;
using ImageQuality.Dicom.IO;

namespace ImageQuality.Dicom.Network.Client;

/// <summary>
/// A Part 10 file to send: its SOP class and instance, its transfer syntax, and where its data set bytes start,
/// so that they can be sent as they are, without decoding.
/// </summary>
internal sealed class OutgoingInstance
{
    private OutgoingInstance(string path, string sopClassUid, string sopInstanceUid, TransferSyntax syntax, long dataSetOffset, long dataSetLength)
    {
        Path = path;
        SopClassUid = sopClassUid;
        SopInstanceUid = sopInstanceUid;
        TransferSyntax = syntax;
        DataSetOffset = dataSetOffset;
        DataSetLength = dataSetLength;
    }

    public string Path { get; }

    public string SopClassUid { get; }

    public string SopInstanceUid { get; }

    public TransferSyntax TransferSyntax { get; }

    /// <summary>Where the data set starts in the file; -1 for a file without meta information, which is re-encoded.</summary>
    public long DataSetOffset { get; }

    public long DataSetLength { get; }

    /// <summary>Whether our writer can produce this file's data set in another (native) syntax.</summary>
    public bool CanBeReencoded => !TransferSyntax.IsEncapsulated;

    public static OutgoingInstance Open(string path)
    {
        DicomFile header = DicomFile.Open(path, new DicomReadOptions { StopBeforePixelData = true });
        string sopClass = header.Dataset.GetString(DicomTag.SOPClassUID) ?? header.FileMetaInformation.GetString(DicomTag.MediaStorageSOPClassUID)
            ?? throw new DicomFormatException("The file has no SOP Class UID", 0, DicomTag.SOPClassUID, path);
        string sopInstance = header.Dataset.GetString(DicomTag.SOPInstanceUID) ?? header.FileMetaInformation.GetString(DicomTag.MediaStorageSOPInstanceUID)
            ?? throw new DicomFormatException("The file has no SOP Instance UID", 0, DicomTag.SOPInstanceUID, path);
        long offset = header.HadPreamble && header.HadFileMetaInformation ? FindDataSetOffset(path) : -1;
        long length = offset >= 0 ? new FileInfo(path).Length - offset : 0;
        return new OutgoingInstance(path, sopClass, sopInstance, header.TransferSyntax, offset, length);
    }

    /// <summary>Opens the data set bytes as stored: a stream positioned at the data set, and its length.</summary>
    public FileStream OpenDataSet()
    {
        var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        stream.Position = DataSetOffset;
        return stream;
    }

    /// <summary>The data set decoded and written in <paramref name="syntax"/>, in memory.</summary>
    public byte[] Reencode(TransferSyntax syntax)
    {
        DicomFile file = DicomFile.Open(Path);
        using var buffer = new MemoryStream();
        DicomFileWriter.WriteDataset(buffer, file.Dataset, syntax);
        return buffer.ToArray();
    }

    /// <summary>Walks the group 0002 elements after "DICM" (explicit VR little endian, PS3.10 7.1).</summary>
    private static long FindDataSetOffset(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        Span<byte> head = stackalloc byte[12];
        long offset = 132;
        while (true)
        {
            stream.Position = offset;
            if (stream.ReadAtLeast(head, 8, throwOnEndOfStream: false) < 8 || BinaryPrimitives.ReadUInt16LittleEndian(head) != 0x0002)
            {
                return offset;
            }

            DicomVR.TryParse(head[4], head[5], out DicomVR vr);
            if (vr.HasLongLength)
            {
                stream.Position = offset + 8;
                stream.ReadExactly(head[8..12]);
                offset += 12 + BinaryPrimitives.ReadUInt32LittleEndian(head[8..]);
            }
            else
            {
                offset += 8 + BinaryPrimitives.ReadUInt16LittleEndian(head[6..]);
            }
        }
    }
}
