using System.IO.Compression;

namespace ImageQuality.Dicom.IO;

/// <summary>
/// Writes Part 10 files (PS3.10 7.1): preamble, "DICM", file meta information in explicit VR little endian with
/// a correct group length and our implementation class UID and version name, then the data set in the
/// chosen transfer syntax.
/// </summary>
public static class DicomFileWriter
{
    private static readonly DicomTag FileMetaInformationGroupLength = new(0x00020000);
    private static readonly DicomTag FileMetaInformationVersion = new(0x00020001);
    private static readonly DicomTag MediaStorageSOPClassUID = new(0x00020002);
    private static readonly DicomTag MediaStorageSOPInstanceUID = new(0x00020003);
    private static readonly DicomTag TransferSyntaxUID = new(0x00020010);
    private static readonly DicomTag ImplementationClassUID = new(0x00020012);
    private static readonly DicomTag ImplementationVersionName = new(0x00020013);
    private static readonly DicomTag SourceApplicationEntityTitle = new(0x00020016);
    private static readonly DicomTag SOPClassUID = new(0x00080016);
    private static readonly DicomTag SOPInstanceUID = new(0x00080018);
    private static readonly DicomTag PixelData = new(0x7FE00010);

    public static void Write(string path, DicomFile file, DicomWriteOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(stream, file, options);
    }

    public static void Write(Stream stream, DicomFile file, DicomWriteOptions? options = null) =>
        Write(stream, file.FileMetaInformation, file.Dataset, file.TransferSyntax, options);

    /// <param name="sourceSyntax">The syntax the data set's pixel data is in (matters only for encapsulated pixel data).</param>
    public static void Write(Stream stream, DicomDataset? existingMeta, DicomDataset dataset, TransferSyntax sourceSyntax, DicomWriteOptions? options = null)
    {
        options ??= DicomWriteOptions.Default;
        TransferSyntax target = options.TransferSyntax ?? sourceSyntax;
        CheckPixelDataFits(dataset, sourceSyntax, target);

        DicomDataset meta = BuildMeta(existingMeta, dataset, target, options);
        var buffered = new BufferedStream(stream, 1 << 16);
        buffered.Write(new byte[128]);
        buffered.Write("DICM"u8);
        WriteMeta(buffered, meta);

        if (target.IsDeflated)
        {
            buffered.Flush();
            using (var deflate = new DeflateStream(stream, CompressionLevel.Optimal, leaveOpen: true))
            using (var inner = new BufferedStream(deflate, 1 << 16))
            {
                WriteBody(inner, dataset, target, options);
                inner.Flush();
            }

            stream.Flush();
            return;
        }

        WriteBody(buffered, dataset, target, options);
        buffered.Flush();
    }

    /// <summary>Writes the data set alone, as it travels in P-DATA (no preamble, no meta information).</summary>
    public static void WriteDataset(Stream stream, DicomDataset dataset, TransferSyntax syntax, DicomWriteOptions? options = null)
    {
        var buffered = new BufferedStream(stream, 1 << 16);
        WriteBody(buffered, dataset, syntax, options ?? DicomWriteOptions.Default);
        buffered.Flush();
    }

    private static void WriteBody(Stream stream, DicomDataset dataset, TransferSyntax syntax, DicomWriteOptions options)
    {
        var w = new DicomStreamWriter(stream) { BigEndian = syntax.IsBigEndian };
        var writer = new DicomDatasetWriter(w, syntax.IsExplicitVR, options.ExplicitSequenceLengths, options.KeepGroupLengths);
        writer.WriteDataset(dataset, skipMetaGroup: true);
    }

    private static void WriteMeta(Stream stream, DicomDataset meta)
    {
        var w = new DicomStreamWriter(stream);
        var writer = new DicomDatasetWriter(w, explicitVR: true, explicitSequenceLengths: true, keepGroupLengths: true);
        writer.WriteDataset(meta);
    }

    private static DicomDataset BuildMeta(DicomDataset? existing, DicomDataset dataset, TransferSyntax target, DicomWriteOptions options)
    {
        var meta = new DicomDataset();
        if (existing is not null)
        {
            foreach (DicomElement e in existing)
            {
                meta.Add(e);
            }
        }

        meta.AddUInt32(FileMetaInformationGroupLength, 0);
        meta.AddBytes(FileMetaInformationVersion, DicomVR.OB, new byte[] { 0x00, 0x01 });
        string? sopClass = dataset.GetString(SOPClassUID) ?? existing?.GetString(MediaStorageSOPClassUID);
        string? sopInstance = dataset.GetString(SOPInstanceUID) ?? existing?.GetString(MediaStorageSOPInstanceUID);
        if (sopClass is not null)
        {
            meta.AddString(MediaStorageSOPClassUID, DicomVR.UI, sopClass);
        }

        if (sopInstance is not null)
        {
            meta.AddString(MediaStorageSOPInstanceUID, DicomVR.UI, sopInstance);
        }

        meta.AddString(TransferSyntaxUID, DicomVR.UI, target.Uid);
        meta.AddString(ImplementationClassUID, DicomVR.UI, DicomImplementation.ClassUid);
        meta.AddString(ImplementationVersionName, DicomVR.SH, DicomImplementation.VersionName);
        if (options.SourceApplicationEntityTitle is { } aet)
        {
            meta.AddString(SourceApplicationEntityTitle, DicomVR.AE, aet);
        }

        return meta;
    }

    private static void CheckPixelDataFits(DicomDataset dataset, TransferSyntax source, TransferSyntax target)
    {
        bool encapsulated = dataset.Find(PixelData) is DicomFragmentSequence;
        if (encapsulated && !target.IsEncapsulated)
        {
            throw new NotSupportedException($"The pixel data is compressed ({source.Name}); writing it as {target.Name} needs decompression, which the writer does not do.");
        }

        if (target.IsEncapsulated && (!encapsulated && dataset.Contains(PixelData) || encapsulated && !target.Equals(source)))
        {
            throw new NotSupportedException($"Writing {target.Name} needs compression from {source.Name}, which the writer does not do.");
        }
    }
}
