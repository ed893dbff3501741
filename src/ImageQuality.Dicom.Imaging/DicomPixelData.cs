using System.Buffers.Binary;

namespace ImageQuality.Dicom.Imaging;

/// <summary>
/// The frames of a data set's Pixel Data, native or encapsulated (PS3.5 8.2 and A.4): a frame's bytes as
/// stored (uncompressed) or its compressed bitstream (fragments of one frame joined), found through the
/// Extended Offset Table, the Basic Offset Table, or the fragments themselves.
/// </summary>
public sealed class DicomPixelData
{
    private static readonly DicomTag PixelDataTag = new(0x7FE00010);
    private static readonly DicomTag ExtendedOffsetTable = new(0x7FE00001);
    private static readonly DicomTag ExtendedOffsetTableLengths = new(0x7FE00002);

    private readonly DicomElement _element;
    private readonly (int First, int Count)[]? _frameFragments;
    private readonly (long Offset, long Length)[]? _extendedFrames;

    private DicomPixelData(DicomDataset dataset, TransferSyntax syntax, DicomElement element, PixelDataDescription description)
    {
        Dataset = dataset;
        TransferSyntax = syntax;
        Description = description;
        _element = element;
        if (element is DicomFragmentSequence fragments)
        {
            _extendedFrames = ReadExtendedOffsetTable(dataset, description.NumberOfFrames);
            if (_extendedFrames is null)
            {
                _frameFragments = MapFragmentsToFrames(fragments, description.NumberOfFrames, syntax);
            }
        }
        else
        {
            long needed = description.NativeFrameLength * description.NumberOfFrames;
            if (description.BitsAllocated == 1)
            {
                needed = (((long)description.Rows * description.Columns * description.SamplesPerPixel * description.NumberOfFrames) + 7) / 8;
            }

            if (element.Length < needed)
            {
                throw new DicomPixelDataException($"Pixel Data holds {element.Length} bytes but {description.NumberOfFrames} frame(s) of {description.Rows}x{description.Columns} need {needed}.");
            }
        }
    }

    public DicomDataset Dataset { get; }

    public TransferSyntax TransferSyntax { get; }

    public PixelDataDescription Description { get; }

    public bool IsEncapsulated => _element is DicomFragmentSequence;

    public int FrameCount => Description.NumberOfFrames;

    public static DicomPixelData Create(DicomFile file) => Create(file.Dataset, file.TransferSyntax);

    public static DicomPixelData Create(DicomDataset dataset, TransferSyntax syntax)
    {
        DicomElement element = dataset.Find(PixelDataTag)
            ?? throw new DicomPixelDataException("The data set has no Pixel Data (7FE0,0010).");
        return new DicomPixelData(dataset, syntax, element, PixelDataDescription.FromDataset(dataset));
    }

    /// <summary>
    /// The stored bytes of a native frame. For BitsAllocated 1 frames need not start on a byte boundary, so the
    /// frame's bits are copied out so that it does.
    /// </summary>
    public ReadOnlyMemory<byte> GetNativeFrame(int index)
    {
        CheckIndex(index);
        if (IsEncapsulated)
        {
            throw new InvalidOperationException("The pixel data is encapsulated: decode its frames with a codec.");
        }

        ReadOnlyMemory<byte> data = _element.Data;
        PixelDataDescription d = Description;
        if (d.BitsAllocated != 1)
        {
            return data.Slice((int)(d.NativeFrameLength * index), (int)d.NativeFrameLength);
        }

        long bitsPerFrame = (long)d.Rows * d.Columns * d.SamplesPerPixel;
        long firstBit = bitsPerFrame * index;
        if (firstBit % 8 == 0)
        {
            return data.Slice((int)(firstBit / 8), (int)d.FrameLength);
        }

        var frame = new byte[d.FrameLength];
        ReadOnlySpan<byte> src = data.Span;
        for (long i = 0; i < bitsPerFrame; i++)
        {
            long bit = firstBit + i;
            if ((src[(int)(bit >> 3)] & (1 << (int)(bit & 7))) != 0)
            {
                frame[i >> 3] |= (byte)(1 << (int)(i & 7));
            }
        }

        return frame;
    }

    /// <summary>The compressed bitstream of an encapsulated frame: its fragments joined.</summary>
    public ReadOnlyMemory<byte> GetCompressedFrame(int index)
    {
        CheckIndex(index);
        if (_element is not DicomFragmentSequence fragments)
        {
            throw new InvalidOperationException("The pixel data is native, not encapsulated.");
        }

        if (_extendedFrames is not null)
        {
            (long offset, long length) = _extendedFrames[index];
            return Slice(fragments, offset, length);
        }

        (int first, int count) = _frameFragments![index];
        if (count == 1)
        {
            return fragments.Fragments[first];
        }

        long total = 0;
        for (int i = first; i < first + count; i++)
        {
            total += fragments.Fragments[i].Length;
        }

        var joined = new byte[total];
        int at = 0;
        for (int i = first; i < first + count; i++)
        {
            fragments.Fragments[i].Span.CopyTo(joined.AsSpan(at));
            at += fragments.Fragments[i].Length;
        }

        return joined;
    }

    /// <summary>Decodes (or, for native pixel data, copies) one frame.</summary>
    public PixelFrame DecodeFrame(int index)
    {
        CheckIndex(index);
        if (!IsEncapsulated)
        {
            return new PixelFrame(Description, GetNativeFrame(index).ToArray());
        }

        Codecs.IFrameCodec codec = Codecs.FrameCodecRegistry.Require(TransferSyntax);
        var destination = new byte[Description.FrameLength];
        PixelDataDescription decoded = codec.Decode(GetCompressedFrame(index).Span, Description, destination);
        return new PixelFrame(decoded, destination);
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)FrameCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"Frame {index} does not exist: the image has {FrameCount} frame(s).");
        }
    }

    /// <summary>
    /// Which fragments make up each frame. The Basic Offset Table gives each frame's first fragment as a byte
    /// offset into the item stream; without one, one frame takes all fragments, or each fragment is a frame,
    /// or frames are found by the start-of-codestream marker each compressed frame begins with.
    /// </summary>
    private static (int First, int Count)[] MapFragmentsToFrames(DicomFragmentSequence fs, int frames, TransferSyntax syntax)
    {
        List<ReadOnlyMemory<byte>> fragments = fs.Fragments;
        if (fragments.Count == 0)
        {
            throw new DicomPixelDataException("Encapsulated Pixel Data has no fragments.");
        }

        uint[] offsets = fs.GetOffsets();
        if (offsets.Length == frames && frames > 0)
        {
            // Item offsets: each item is an 8-byte header plus its value.
            var itemStarts = new Dictionary<long, int>(fragments.Count);
            long position = 0;
            for (int i = 0; i < fragments.Count; i++)
            {
                itemStarts[position] = i;
                position += 8 + fragments[i].Length;
            }

            var map = new (int, int)[frames];
            bool valid = true;
            for (int f = 0; f < frames && valid; f++)
            {
                valid = itemStarts.TryGetValue(offsets[f], out int first) && (f == 0 || offsets[f] > offsets[f - 1]);
                map[f] = (first, 0);
            }

            if (valid)
            {
                for (int f = 0; f < frames; f++)
                {
                    int next = f + 1 < frames ? map[f + 1].Item1 : fragments.Count;
                    map[f] = (map[f].Item1, next - map[f].Item1);
                }

                return map;
            }
        }

        if (frames == 1)
        {
            return [(0, fragments.Count)];
        }

        if (fragments.Count == frames)
        {
            var map = new (int, int)[frames];
            for (int f = 0; f < frames; f++)
            {
                map[f] = (f, 1);
            }

            return map;
        }

        var starts = new List<int>();
        for (int i = 0; i < fragments.Count; i++)
        {
            if (StartsCodestream(fragments[i].Span, syntax))
            {
                starts.Add(i);
            }
        }

        if (starts.Count == frames && starts[0] == 0)
        {
            var map = new (int, int)[frames];
            for (int f = 0; f < frames; f++)
            {
                int next = f + 1 < frames ? starts[f + 1] : fragments.Count;
                map[f] = (starts[f], next - starts[f]);
            }

            return map;
        }

        throw new DicomPixelDataException($"Cannot tell which of the {fragments.Count} fragments belong to which of the {frames} frames (no usable offset table).");
    }

    private static bool StartsCodestream(ReadOnlySpan<byte> b, TransferSyntax syntax)
    {
        if (b.Length < 4)
        {
            return false;
        }

        // JPEG, JPEG-LS and JPEG 2000 codestreams start with SOI (FFD8) or SOC (FF4F FF51); JP2 files with a box.
        return (b[0] == 0xFF && b[1] == 0xD8)
            || (b[0] == 0xFF && b[1] == 0x4F && b[2] == 0xFF && b[3] == 0x51)
            || (syntax.Equals(TransferSyntax.RLELossless) && BinaryPrimitives.ReadUInt32LittleEndian(b) is >= 1 and <= 15 && b.Length >= 64);
    }

    private static (long Offset, long Length)[]? ReadExtendedOffsetTable(DicomDataset dataset, int frames)
    {
        if (dataset.Find(ExtendedOffsetTable) is not { } table || dataset.Find(ExtendedOffsetTableLengths) is not { } lengths)
        {
            return null;
        }

        ReadOnlySpan<byte> t = table.Data.Span;
        ReadOnlySpan<byte> l = lengths.Data.Span;
        // In long: a Number of Frames near 2^29 would make frames * 8 wrap round to a small table's length.
        if (t.Length != frames * 8L || l.Length != frames * 8L)
        {
            return null;
        }

        var result = new (long, long)[frames];
        for (int i = 0; i < frames; i++)
        {
            result[i] = ((long)BinaryPrimitives.ReadUInt64LittleEndian(t[(i * 8)..]), (long)BinaryPrimitives.ReadUInt64LittleEndian(l[(i * 8)..]));
        }

        return result;
    }

    /// <summary>The bytes of the item stream from an offset (as the Extended Offset Table counts: item headers included).</summary>
    private static byte[] Slice(DicomFragmentSequence fs, long offset, long length)
    {
        long position = 0;
        foreach (ReadOnlyMemory<byte> f in fs.Fragments)
        {
            long valueStart = position + 8;
            if (offset == position || offset == valueStart)
            {
                if (length > f.Length)
                {
                    break;
                }

                return f.Span[..(int)length].ToArray();
            }

            position = valueStart + f.Length;
        }

        throw new DicomPixelDataException($"The Extended Offset Table points at offset {offset}, which is not the start of a fragment.");
    }
}
