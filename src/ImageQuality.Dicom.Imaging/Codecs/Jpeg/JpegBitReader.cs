using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace ImageQuality.Dicom.Imaging.Codecs.Jpeg;

/// <summary>
/// Reads the entropy-coded data of a scan (T.81 F.2.2.5) most significant bit first: FF00 is a data byte FF,
/// fill bytes FF before a marker are skipped, and a marker ends the data. The decoder then gets zero bits,
/// as libjpeg gives it, and <see cref="IsOverrun"/> tells when it has used any of them, so a truncated scan is
/// reported rather than decoded from bits that are not there. It never reads past its span.
/// </summary>
internal ref struct JpegBitReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private ulong _bits;
    private int _count;
    private int _padding;
    private bool _atMarker;

    public JpegBitReader(ReadOnlySpan<byte> data, int position)
    {
        _data = data;
        _position = position;
    }

    /// <summary>The first byte not yet taken into the bit buffer: after a scan, where its trailing marker is looked for.</summary>
    public readonly int Position => _position;

    /// <summary>Whether bits past the end of the entropy-coded data have been used: the data is truncated or corrupt.</summary>
    public readonly bool IsOverrun => _count < _padding;

    /// <summary>Makes at least 32 bits available (zero bits past the end of the data).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Ensure32()
    {
        if (_count < 32)
        {
            Refill();
        }
    }

    /// <summary>Takes <paramref name="n"/> (1 to 16) bits; needs them to be available.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Receive(int n)
    {
        int v = (int)(_bits >> (64 - n));
        _bits <<= n;
        _count -= n;
        return v;
    }

    /// <summary>Takes <paramref name="n"/> (0 to 16) bits and turns them into a signed value (T.81 F.2.2.1 EXTEND).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReceiveExtend(int n)
    {
        if (n == 0)
        {
            return 0;
        }

        int v = Receive(n);
        return v < 1 << (n - 1) ? v - (1 << n) + 1 : v;
    }

    /// <summary>Decodes one Huffman code; needs 16 bits to be available.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Decode(JpegHuffmanTable table)
    {
        int entry = table.Lookahead[(int)(_bits >> (64 - JpegHuffmanTable.LookaheadBits))];
        if (entry != 0)
        {
            int length = entry >> 8;
            _bits <<= length;
            _count -= length;
            return entry & 0xFF;
        }

        return DecodeLong(table);
    }

    /// <summary>
    /// Ends a restart interval (T.81 F.2.2.5): drops the fill bits of the last byte, skips bytes that are not a
    /// marker (libjpeg does the same), and takes the restart marker RSTn with n = <paramref name="expected"/>.
    /// </summary>
    public void ReadRestartMarker(int expected)
    {
        if (IsOverrun)
        {
            throw new DicomPixelDataException("The JPEG data of a restart interval ends early (truncated or corrupt).");
        }

        int at = JpegMarkerReader.FindMarker(_data, _position);
        if (at < 0)
        {
            throw new DicomPixelDataException($"The JPEG data ends where restart marker RST{expected} should be (truncated).");
        }

        byte code = _data[at + 1];
        if (code != JpegMarker.RST0 + expected)
        {
            throw new DicomPixelDataException($"Expected restart marker RST{expected} in the JPEG data but found {JpegMarker.Name(code)}.");
        }

        _position = at + 2;
        _bits = 0;
        _count = 0;
        _padding = 0;
        _atMarker = false;
    }

    private int DecodeLong(JpegHuffmanTable table)
    {
        int symbol = table.DecodeLong((int)(_bits >> 48), out int length);
        if (length == 0)
        {
            throw new DicomPixelDataException("The JPEG data holds a bit pattern that is no code of its Huffman table (corrupt data).");
        }

        _bits <<= length;
        _count -= length;
        return symbol;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Refill()
    {
        ReadOnlySpan<byte> data = _data;
        int position = _position;
        while (_count <= 56)
        {
            if (!_atMarker)
            {
                if (_count <= 32 && position <= data.Length - 4)
                {
                    uint word = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);

                    // Four bytes at once unless one of them is FF (a stuffed byte or a marker).
                    uint inverted = ~word;
                    if (((inverted - 0x01010101u) & ~inverted & 0x80808080u) == 0)
                    {
                        _bits |= (ulong)word << (32 - _count);
                        _count += 32;
                        position += 4;
                        continue;
                    }
                }

                if (position < data.Length)
                {
                    byte b = data[position];
                    if (b != 0xFF)
                    {
                        _bits |= (ulong)b << (56 - _count);
                        _count += 8;
                        position++;
                        continue;
                    }

                    int next = position + 1;
                    while (next < data.Length && data[next] == 0xFF)
                    {
                        next++;
                    }

                    if (next < data.Length && data[next] == 0)
                    {
                        _bits |= 0xFFUL << (56 - _count);
                        _count += 8;
                        position = next + 1;
                        continue;
                    }
                }

                // A marker (or the end of the data): the entropy-coded segment is over.
                _atMarker = true;
            }

            _count += 8;
            _padding += 8;
        }

        _position = position;
    }
}
