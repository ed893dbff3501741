using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace ImageQuality.Dicom.Imaging.Codecs.Jpeg;

/// <summary>
/// Reads the unstuffed entropy-coded data of a scan (<see cref="JpegEntropyCodedData"/>) most significant bit
/// first. The position is a bit index into the buffer; eight bytes are loaded at the position for every
/// code, which the zero padding after the data allows. Bits past the end of the current restart interval's
/// segment are zeros, as libjpeg supplies them; <see cref="IsOverrun"/> tells a decoder that it has used any,
/// so that it reports truncated data rather than decoding what is not there.
/// </summary>
internal ref struct JpegBitReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private readonly JpegEntropyCodedData _data;
    private int _segment;

    public JpegBitReader(JpegEntropyCodedData data)
    {
        _data = data;
        _buffer = data.Buffer;
        SegmentEnd = data.SegmentEndBits(0);
    }

    /// <summary>The unstuffed data and its zero padding.</summary>
    public readonly ReadOnlySpan<byte> Buffer => _buffer;

    /// <summary>The next bit to read, counted from the start of <see cref="Buffer"/>.</summary>
    public int Position { get; set; }

    /// <summary>The end of the current segment, in bits.</summary>
    public int SegmentEnd { get; private set; }

    /// <summary>Whether bits past the end of the current segment have been used: the data is truncated or corrupt.</summary>
    public readonly bool IsOverrun => Position > SegmentEnd;

    /// <summary>The 57 or more bits from <paramref name="position"/> on, most significant first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Peek(ReadOnlySpan<byte> buffer, int position) =>
        BinaryPrimitives.ReadUInt64BigEndian(buffer[(position >> 3)..]) << (position & 7);

    /// <summary>T.81 F.2.2.1 EXTEND: the <paramref name="size"/> low bits of <paramref name="bits"/> as a signed value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Extend(int bits, int size) => bits < 1 << (size - 1) ? bits - (1 << size) + 1 : bits;

    /// <summary>Takes <paramref name="n"/> (0 to 16) bits and turns them into a signed value (EXTEND).</summary>
    public int ReceiveExtend(int n)
    {
        if (n == 0)
        {
            return 0;
        }

        int v = (int)(Peek(_buffer, Position) >> (64 - n));
        Position += n;
        return Extend(v, n);
    }

    /// <summary>Decodes one Huffman code.</summary>
    public int Decode(JpegHuffmanTable table)
    {
        ulong bits = Peek(_buffer, Position);
        int entry = table.Lookahead[(int)(bits >> (64 - JpegHuffmanTable.LookaheadBits))];
        if (entry != 0)
        {
            Position += entry >> 8;
            return entry & 0xFF;
        }

        int symbol = table.DecodeLong((int)(bits >> 48), out int length);
        if (length == 0)
        {
            throw new DicomPixelDataException("The JPEG data holds a bit pattern that is no code of its Huffman table (corrupt data).");
        }

        Position += length;
        return symbol;
    }

    /// <summary>
    /// Ends a restart interval (T.81 F.2.2.5): the rest of the segment (fill bits, stray bytes) is skipped and
    /// the next segment, which must follow restart marker RSTn with n = <paramref name="expected"/>, begins.
    /// </summary>
    public void ReadRestartMarker(int expected)
    {
        if (IsOverrun)
        {
            throw new DicomPixelDataException("The JPEG data of a restart interval ends early (truncated or corrupt).");
        }

        _segment++;
        if (_segment >= _data.SegmentCount)
        {
            throw new DicomPixelDataException($"The JPEG data ends where restart marker RST{expected} should be (truncated).");
        }

        byte marker = _data.RestartMarkerBefore(_segment);
        if (marker != JpegMarker.RST0 + expected)
        {
            throw new DicomPixelDataException($"Expected restart marker RST{expected} in the JPEG data but found {JpegMarker.Name(marker)}.");
        }

        Position = _data.SegmentStartBits(_segment);
        SegmentEnd = _data.SegmentEndBits(_segment);
    }
}
