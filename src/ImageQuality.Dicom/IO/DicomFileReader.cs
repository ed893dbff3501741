using System.IO.Compression;

namespace ImageQuality.Dicom.IO;

/// <summary>
/// Reads Part 10 files (PS3.10 7.1): the preamble and "DICM", the file meta information in explicit VR little
/// endian, then the data set in the transfer syntax the meta information names. Also reads what real archives
/// hold: files without preamble, without meta information (the encoding is then detected), without a
/// transfer syntax UID, and meta information without group length.
/// </summary>
public static class DicomFileReader
{
    private static readonly DicomTag TransferSyntaxUID = new(0x00020010);

    public static DicomFile Read(string path, DicomReadOptions? options = null)
    {
        options ??= DicomReadOptions.Default;
        using var source = new FileByteSource(path, sequentialScan: !options.StopBeforePixelData && options.DeferValuesLongerThan is null);
        return Read(source, options, path, path);
    }

    /// <summary>Reads from the stream's current position.</summary>
    public static DicomFile Read(Stream stream, DicomReadOptions? options = null, string? sourceName = null)
    {
        using var source = new StreamByteSource(stream, leaveOpen: true);
        return Read(source, options ?? DicomReadOptions.Default, sourceName, filePath: null);
    }

    public static DicomFile Read(ReadOnlyMemory<byte> bytes, DicomReadOptions? options = null, string? sourceName = null)
    {
        using var source = new MemoryByteSource(bytes);
        return Read(source, options ?? DicomReadOptions.Default, sourceName, filePath: null);
    }

    /// <summary>Reads a bare data set (no preamble, no meta information) in a known transfer syntax, e.g. from a network P-DATA stream.</summary>
    public static DicomDataset ReadDataset(Stream stream, TransferSyntax syntax, DicomReadOptions? options = null, List<string>? warnings = null)
    {
        using var source = new StreamByteSource(stream, leaveOpen: true);
        using var reader = new DicomByteReader(source);
        var dataset = new DicomDataset();
        ReadDatasetBody(reader, dataset, syntax, options ?? DicomReadOptions.Default, null, warnings ?? [], out _);
        return dataset;
    }

    private static DicomFile Read(ByteSource source, DicomReadOptions options, string? sourceName, string? filePath)
    {
        var warnings = new List<string>();
        using var reader = new DicomByteReader(source);
        bool hadPreamble = false;
        if (reader.TryEnsure(132) && reader.Peek(132)[128..].SequenceEqual("DICM"u8))
        {
            hadPreamble = true;
            reader.Advance(132);
        }
        else if (!reader.TryEnsure(8))
        {
            throw new DicomFormatException("Not DICOM: fewer than 8 bytes", 0, null, sourceName);
        }

        var meta = new DicomDataset();
        if (StartsWithMetaGroup(reader))
        {
            ReadMeta(reader, meta, options, sourceName, warnings);
        }
        else if (hadPreamble)
        {
            warnings.Add("The file has a preamble but no file meta information");
        }

        TransferSyntax syntax;
        string? uid = meta.GetString(TransferSyntaxUID);
        if (!string.IsNullOrEmpty(uid))
        {
            syntax = TransferSyntax.Lookup(uid);
            if (!syntax.IsKnown)
            {
                warnings.Add($"Unknown transfer syntax {syntax.Uid}: read as explicit VR little endian");
            }
        }
        else
        {
            syntax = DetectSyntax(reader, sourceName);
            warnings.Add(meta.Count > 0
                ? $"The file meta information has no Transfer Syntax UID; detected {syntax.Name}"
                : $"No file meta information; detected {syntax.Name}");
        }

        var dataset = new DicomDataset();
        ReadDatasetBody(reader, dataset, syntax, options, sourceName, warnings, out long? pixelDataOffset, filePath);
        return new DicomFile(meta, dataset, syntax)
        {
            HadPreamble = hadPreamble,
            PixelDataOffset = pixelDataOffset,
            Warnings = warnings,
            Path = filePath,
        };
    }

    private static void ReadDatasetBody(DicomByteReader reader, DicomDataset dataset, TransferSyntax syntax, DicomReadOptions options, string? sourceName, List<string> warnings, out long? pixelDataOffset, string? filePath = null)
    {
        if (syntax.IsDeflated)
        {
            // The rest of the file is one raw deflate stream; offsets below are offsets in the inflated bytes.
            using var rest = new RemainderStream(reader);
            using var inflater = new DeflateStream(rest, CompressionMode.Decompress);
            using var inflated = new StreamByteSource(inflater, leaveOpen: true);
            using var inner = new DicomByteReader(inflated);
            var dr = new DicomDatasetReader(inner, options with { DeferValuesLongerThan = null }, sourceName, warnings);
            try
            {
                dr.ReadTopLevel(dataset, explicitVR: true, bigEndian: false);
            }
            catch (InvalidDataException e)
            {
                throw new DicomFormatException($"The deflated data set is corrupt: {e.Message}", inner.Position, null, sourceName, e);
            }

            pixelDataOffset = dr.PixelDataOffset;
            return;
        }

        var r = new DicomDatasetReader(reader, filePath is null ? options with { DeferValuesLongerThan = null } : options, sourceName, warnings);
        r.ReadTopLevel(dataset, syntax.IsExplicitVR, syntax.IsBigEndian);
        pixelDataOffset = r.PixelDataOffset;
    }

    private static bool StartsWithMetaGroup(DicomByteReader reader) =>
        reader.TryEnsure(4) && reader.Peek(2)[0] == 0x02 && reader.Peek(2)[1] == 0x00;

    private static void ReadMeta(DicomByteReader reader, DicomDataset meta, DicomReadOptions options, string? sourceName, List<string> warnings)
    {
        // Group 0002 is explicit VR little endian (PS3.10 7.1); read element by element while the group is 0002,
        // which also copes with a missing or wrong (0002,0000) group length.
        var metaReader = new DicomDatasetReader(reader, options with { StopBeforePixelData = false, DeferValuesLongerThan = null }, sourceName, warnings);
        while (reader.TryEnsure(8) && reader.Peek(2)[0] == 0x02 && reader.Peek(2)[1] == 0x00)
        {
            bool explicitVR = IsExplicitVRHeader(reader);
            if (!explicitVR)
            {
                warnings.Add("File meta information element in implicit VR");
            }

            long start = reader.Position;
            metaReader.ReadOne(meta, explicitVR, start);
        }
    }

    private static bool IsExplicitVRHeader(DicomByteReader reader)
    {
        ReadOnlySpan<byte> b = reader.Peek(6);
        return b[4] is >= (byte)'A' and <= (byte)'Z' && b[5] is >= (byte)'A' and <= (byte)'Z';
    }

    /// <summary>
    /// Works out the encoding of a data set without meta information from its first element: a VR code in
    /// bytes 4-5 means explicit VR; a small group number read little or big endian tells the byte order.
    /// </summary>
    private static TransferSyntax DetectSyntax(DicomByteReader reader, string? sourceName)
    {
        if (!reader.TryEnsure(8))
        {
            throw new DicomFormatException("Not DICOM: the data set is shorter than one element", reader.Position, null, sourceName);
        }

        ReadOnlySpan<byte> b = reader.Peek(8);
        ushort groupLE = (ushort)(b[0] | (b[1] << 8));
        ushort groupBE = (ushort)((b[0] << 8) | b[1]);
        bool explicitVR = DicomVR.TryParse(b[4], b[5], out _);

        // Data sets start with a low group (0008 mostly): whichever byte order gives the smaller number wins.
        bool bigEndian = explicitVR && groupBE < groupLE;
        ushort group = bigEndian ? groupBE : groupLE;
        if (group is 0 or > 0x7FE0)
        {
            throw new DicomFormatException("Not DICOM: no preamble, no file meta information, and the first bytes are not a data element", reader.Position, null, sourceName);
        }

        return (explicitVR, bigEndian) switch
        {
            (true, true) => TransferSyntax.ExplicitVRBigEndian,
            (true, false) => TransferSyntax.ExplicitVRLittleEndian,
            _ => TransferSyntax.ImplicitVRLittleEndian,
        };
    }

    /// <summary>Exposes the bytes after the reader's position as a stream, for the inflater.</summary>
    private sealed class RemainderStream(DicomByteReader reader) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer) => reader.ReadAvailable(buffer);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
