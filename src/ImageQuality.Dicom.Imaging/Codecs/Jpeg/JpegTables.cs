using System.Buffers.Binary;

namespace ImageQuality.Dicom.Imaging.Codecs.Jpeg;

/// <summary>The tables a codestream defines before its scans (T.81 B.2.4): quantization, Huffman, restart interval.</summary>
internal sealed class JpegTables
{
    /// <summary>
    /// Zig-zag position to natural (row-major) position (T.81 Figure A.6), with 16 extra entries that send a
    /// corrupt run past coefficient 63 to 63, as libjpeg does, instead of outside the block.
    /// </summary>
    public static readonly byte[] NaturalOrder =
    [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
        63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63,
    ];

    /// <summary>Quantization tables 0-3, in natural order; null until defined.</summary>
    public int[]?[] Quantization { get; } = new int[]?[4];

    /// <summary>DC (and lossless) Huffman tables 0-3.</summary>
    public JpegHuffmanTable?[] Dc { get; } = new JpegHuffmanTable?[4];

    /// <summary>AC Huffman tables 0-3.</summary>
    public JpegHuffmanTable?[] Ac { get; } = new JpegHuffmanTable?[4];

    /// <summary>Ri: MCUs per restart interval, 0 when restart markers are not used.</summary>
    public int RestartInterval { get; private set; }

    /// <summary>DQT (T.81 B.2.4.1): one or more tables of 64 8-bit or 16-bit values in zig-zag order.</summary>
    public void ReadQuantizationTables(ReadOnlySpan<byte> segment)
    {
        while (segment.Length > 0)
        {
            int precision = segment[0] >> 4;
            int id = segment[0] & 15;
            int size = precision == 0 ? 64 : 128;
            if (precision > 1 || id > 3 || segment.Length < 1 + size)
            {
                throw new DicomPixelDataException($"The JPEG DQT segment is malformed (table {id}, precision {precision}, {segment.Length} bytes left).");
            }

            int[] table = new int[64];
            for (int k = 0; k < 64; k++)
            {
                table[NaturalOrder[k]] = precision == 0 ? segment[1 + k] : BinaryPrimitives.ReadUInt16BigEndian(segment[(1 + (2 * k))..]);
            }

            Quantization[id] = table;
            segment = segment[(1 + size)..];
        }
    }

    /// <summary>DHT (T.81 B.2.4.2): one or more tables of 16 code-length counts and their symbols.</summary>
    public void ReadHuffmanTables(ReadOnlySpan<byte> segment)
    {
        while (segment.Length > 0)
        {
            if (segment.Length < 17)
            {
                throw new DicomPixelDataException("The JPEG DHT segment ends inside a table header (truncated or corrupt).");
            }

            int tableClass = segment[0] >> 4;
            int id = segment[0] & 15;
            if (tableClass > 1 || id > 3)
            {
                throw new DicomPixelDataException($"The JPEG DHT segment defines table class {tableClass} number {id}; classes are 0-1 and numbers 0-3.");
            }

            ReadOnlySpan<byte> counts = segment.Slice(1, 16);
            int total = 0;
            foreach (byte n in counts)
            {
                total += n;
            }

            if (segment.Length < 17 + total)
            {
                throw new DicomPixelDataException($"The JPEG DHT segment declares {total} symbols but holds {segment.Length - 17}.");
            }

            JpegHuffmanTable table = JpegHuffmanTable.Create(counts, segment.Slice(17, total));
            (tableClass == 0 ? Dc : Ac)[id] = table;
            segment = segment[(17 + total)..];
        }
    }

    /// <summary>DRI (T.81 B.2.4.4).</summary>
    public void ReadRestartInterval(ReadOnlySpan<byte> segment)
    {
        if (segment.Length < 2)
        {
            throw new DicomPixelDataException("The JPEG DRI segment is too short.");
        }

        RestartInterval = BinaryPrimitives.ReadUInt16BigEndian(segment);
    }
}
