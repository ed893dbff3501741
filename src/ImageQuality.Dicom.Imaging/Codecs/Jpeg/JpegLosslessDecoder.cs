using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ImageQuality.Dicom.Imaging.Codecs.Jpeg;

/// <summary>
/// Lossless (process 14) scans, T.81 Annex H: each sample is a Huffman-coded difference from a prediction made of
/// its left (Ra), upper (Rb) and upper-left (Rc) neighbours. The first line of the image and of every restart
/// interval predicts from the left only, starting at 2^(P-Pt-1); the first column predicts from above. Samples
/// are written straight into the frame (interleaved by pixel), which doubles as the line buffer the predictor
/// reads; the point transform Pt shifts them up on output and down again when read back. Sums wrap modulo
/// 2^16 as in libjpeg.
/// </summary>
/// <remarks>
/// The common case, a single-component scan, runs in loops specialised for predictor 1 (and every first line)
/// and for predictors 2-7, with a 64-bit bit buffer held in registers and one table look-up per difference
/// (<see cref="JpegHuffmanTable.DifferenceLookup"/>); the bit position is checked against the data once a line.
/// </remarks>
internal static class JpegLosslessDecoder
{
    /// <summary>Zero bytes the entropy-coded data needs after it: a line of 31-bit codes read past the end, and one load.</summary>
    public static int Padding(JpegFrameHeader frame) => (4 * frame.Width * frame.Components.Length) + 16;

    /// <summary>Decodes one scan into <paramref name="samples"/> (byte or ushort, one per sample of the frame).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DecodeScan<T>(JpegEntropyCodedData data, JpegFrameHeader frame, JpegScanHeader scan, JpegTables tables, Span<T> samples)
        where T : unmanaged
    {
        int width = frame.Width;
        int height = frame.Height;
        int restartInterval = tables.RestartInterval;
        if (restartInterval % width != 0)
        {
            throw new DicomPixelDataException($"The lossless JPEG restart interval ({restartInterval} samples) is not a whole number of lines of {width}.");
        }

        var huffman = new JpegHuffmanTable[scan.Components.Length];
        for (int i = 0; i < huffman.Length; i++)
        {
            JpegHuffmanTable table = tables.Dc[scan.DcTables[i]]
                ?? throw new DicomPixelDataException($"The lossless JPEG scan uses Huffman table {scan.DcTables[i]}, which is not defined.");
            if (table.MaxSymbol > 16)
            {
                throw new DicomPixelDataException($"A lossless JPEG Huffman table codes difference category {table.MaxSymbol}; categories are 0-16.");
            }

            huffman[i] = table;
        }

        var p = new ScanParameters
        {
            Width = width,
            Stride = frame.Components.Length,
            Predictor = scan.SpectralStart,
            PointTransform = scan.ApproximationLow,
            Initial = 1 << (frame.Precision - scan.ApproximationLow - 1),
        };

        var reader = new JpegBitReader(data);
        ReadOnlySpan<byte> buffer = reader.Buffer;
        int linesPerInterval = restartInterval / width;
        int linesToGo = linesPerInterval;
        int nextRestart = 0;
        int lineLength = width * p.Stride;
        for (int y = 0; y < height; y++)
        {
            bool firstLine = y == 0;
            if (linesPerInterval > 0 && y > 0 && linesToGo == 0)
            {
                reader.ReadRestartMarker(nextRestart);
                nextRestart = (nextRestart + 1) & 7;
                linesToGo = linesPerInterval;
                firstLine = true;
            }

            if (reader.IsOverrun)
            {
                throw new DicomPixelDataException($"The lossless JPEG data ends at line {y} of {height} (truncated or corrupt).");
            }

            linesToGo--;
            Span<T> line = samples.Slice(y * lineLength, lineLength);
            Span<T> above = firstLine ? default : samples.Slice((y - 1) * lineLength, lineLength);
            int position = reader.Position;
            if (huffman.Length > 1 || p.Stride > 1)
            {
                position = DecodeComponentsLine(buffer, position, huffman, scan.Components, line, above, p, firstLine);
            }
            else if (firstLine || p.Predictor == 1)
            {
                position = DecodeLineFromLeft(buffer, position, huffman[0], line, above, p);
            }
            else
            {
                position = DecodeLine(buffer, position, huffman[0], line, above, p);
            }

            reader.Position = position;
        }

        if (reader.IsOverrun)
        {
            throw new DicomPixelDataException("The lossless JPEG data ends before the last line (truncated or corrupt).");
        }
    }

    /// <summary>Predictor 1 (Ra), also used on every first line: the first sample predicts from above, or from 2^(P-Pt-1).</summary>
    /// <remarks>
    /// The inner loop handles differences found whole in the look-up and leaves for the rare rest, so that it
    /// holds no call and keeps its state in registers.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DecodeLineFromLeft<T>(ReadOnlySpan<byte> buffer, int position, JpegHuffmanTable table, Span<T> line, Span<T> above, in ScanParameters p)
        where T : unmanaged
    {
        int[] lookup = table.DifferenceLookup;
        CheckLineFits(buffer, position, line.Length);
        ref byte data = ref MemoryMarshal.GetReference(buffer);
        ref int entries = ref MemoryMarshal.GetArrayDataReference(lookup);
        var bits = new LineBits(ref data, position);
        int pt = p.PointTransform;
        int predictor = above.IsEmpty ? p.Initial : Get(above, 0) >> pt;
        int x = 0;
        while (true)
        {
            int entry = 0;
            for (; x < line.Length; x++)
            {
                if (bits.Count < 32)
                {
                    bits.Refill(ref data);
                }

                entry = Unsafe.Add(ref entries, (int)(bits.Bits >> (64 - JpegHuffmanTable.DifferenceLookupBits)));
                if ((entry & JpegHuffmanTable.CompleteFlag) == 0)
                {
                    break;
                }

                bits.Skip(entry & 0x1F);
                predictor = (predictor + (entry >> 8) - 32768) & 0xFFFF;
                Set(line, x, predictor << pt);
            }

            if (x >= line.Length)
            {
                return bits.Position;
            }

            long decoded = DecodeSlow(table, entry, bits.Bits);
            bits.Skip((int)(decoded & 0xFF));
            predictor = (predictor + (int)(decoded >> 8)) & 0xFFFF;
            Set(line, x, predictor << pt);
            x++;
        }
    }

    /// <summary>Predictors 2-7 on a line with one above it (T.81 Table H.1); the loops are split as in <see cref="DecodeLineFromLeft"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DecodeLine<T>(ReadOnlySpan<byte> buffer, int position, JpegHuffmanTable table, Span<T> line, Span<T> above, in ScanParameters p)
        where T : unmanaged
    {
        int[] lookup = table.DifferenceLookup;
        CheckLineFits(buffer, position, line.Length);
        ref byte data = ref MemoryMarshal.GetReference(buffer);
        ref int entries = ref MemoryMarshal.GetArrayDataReference(lookup);
        var bits = new LineBits(ref data, position);
        int pt = p.PointTransform;
        int selection = p.Predictor;
        above = above[..line.Length];
        int rc = Get(above, 0) >> pt;
        int ra = rc;
        int x = 0;
        while (true)
        {
            int entry = 0;
            int prediction = 0;
            int rb = 0;
            for (; x < line.Length; x++)
            {
                rb = Get(above, x) >> pt;
                prediction = x == 0 ? rb : Predict(selection, ra, rb, rc);
                if (bits.Count < 32)
                {
                    bits.Refill(ref data);
                }

                entry = Unsafe.Add(ref entries, (int)(bits.Bits >> (64 - JpegHuffmanTable.DifferenceLookupBits)));
                if ((entry & JpegHuffmanTable.CompleteFlag) == 0)
                {
                    break;
                }

                bits.Skip(entry & 0x1F);
                ra = (prediction + (entry >> 8) - 32768) & 0xFFFF;
                Set(line, x, ra << pt);
                rc = rb;
            }

            if (x >= line.Length)
            {
                return bits.Position;
            }

            long decoded = DecodeSlow(table, entry, bits.Bits);
            bits.Skip((int)(decoded & 0xFF));
            ra = (prediction + (int)(decoded >> 8)) & 0xFFFF;
            Set(line, x, ra << pt);
            rc = rb;
            x++;
        }
    }

    /// <summary>
    /// The invariant that lets a line read the data without bounds checks: a sample takes at most 31 bits and
    /// a refill loads 4 bytes ahead, so a line starting at <paramref name="position"/> stays inside the buffer.
    /// The scan data's padding (<see cref="Padding"/>) and the per-line overrun check make this hold for any input.
    /// </summary>
    private static void CheckLineFits(ReadOnlySpan<byte> buffer, int position, int samples)
    {
        if ((long)(position >> 3) + (4L * samples) + 8 > buffer.Length)
        {
            throw new DicomPixelDataException("The lossless JPEG data ends before the image does (truncated or corrupt).");
        }
    }

    /// <summary>Frames of several components: per pixel one difference for each scan component, each with its own table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DecodeComponentsLine<T>(ReadOnlySpan<byte> buffer, int position, JpegHuffmanTable[] tables, JpegComponent[] components, Span<T> line, Span<T> above, in ScanParameters p, bool firstLine)
        where T : unmanaged
    {
        int stride = p.Stride;
        int pt = p.PointTransform;
        CheckLineFits(buffer, position, p.Width * tables.Length);
        for (int x = 0; x < p.Width; x++)
        {
            int at = x * stride;
            for (int i = 0; i < tables.Length; i++)
            {
                int s = at + components[i].Index;
                int prediction;
                if (firstLine)
                {
                    prediction = x == 0 ? p.Initial : Get(line, s - stride) >> pt;
                }
                else if (x == 0)
                {
                    prediction = Get(above, s) >> pt;
                }
                else
                {
                    prediction = Predict(p.Predictor, Get(line, s - stride) >> pt, Get(above, s) >> pt, Get(above, s - stride) >> pt);
                }

                ulong bits = JpegBitReader.Peek(buffer, position);
                int entry = tables[i].DifferenceLookup[(int)(bits >> (64 - JpegHuffmanTable.DifferenceLookupBits))];
                int difference;
                if ((entry & JpegHuffmanTable.CompleteFlag) != 0)
                {
                    position += entry & 0x1F;
                    difference = (entry >> 8) - 32768;
                }
                else
                {
                    long decoded = DecodeSlow(tables[i], entry, bits);
                    position += (int)(decoded & 0xFF);
                    difference = (int)(decoded >> 8);
                }

                Set(line, s, ((prediction + difference) & 0xFFFF) << pt);
            }
        }

        return position;
    }

    /// <summary>
    /// A difference whose code and extra bits do not fit the look-up: <c>(difference &lt;&lt; 8) | bits used</c>.
    /// Category 16 means 32768 with no extra bits (T.81 H.1.2.2).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long DecodeSlow(JpegHuffmanTable table, int entry, ulong bits)
    {
        int length;
        int category;
        if ((entry & JpegHuffmanTable.PartialFlag) != 0)
        {
            length = entry & 0x1F;
            category = entry >> 8;
        }
        else
        {
            category = table.DecodeLong((int)(bits >> 48), out length);
            if (length == 0)
            {
                throw new DicomPixelDataException("The JPEG data holds a bit pattern that is no code of its Huffman table (corrupt data).");
            }
        }

        if (category == 0)
        {
            return length;
        }

        if (category == 16)
        {
            return (32768L << 8) | (uint)length;
        }

        int extra = (int)((bits << length) >> (64 - category));
        return ((long)JpegBitReader.Extend(extra, category) << 8) | (uint)(length + category);
    }

    /// <summary>T.81 Table H.1, with the arithmetic (signed shifts) libjpeg uses.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Predict(int selection, int ra, int rb, int rc) => selection switch
    {
        1 => ra,
        2 => rb,
        3 => rc,
        4 => ra + rb - rc,
        5 => ra + ((rb - rc) >> 1),
        6 => rb + ((ra - rc) >> 1),
        _ => (ra + rb) >> 1,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Get<T>(Span<T> s, int i)
        where T : unmanaged
        => typeof(T) == typeof(ushort) ? Unsafe.As<T, ushort>(ref s[i]) : Unsafe.As<T, byte>(ref s[i]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Set<T>(Span<T> s, int i, int value)
        where T : unmanaged
    {
        if (typeof(T) == typeof(ushort))
        {
            Unsafe.As<T, ushort>(ref s[i]) = (ushort)value;
        }
        else
        {
            Unsafe.As<T, byte>(ref s[i]) = (byte)value;
        }
    }

    /// <summary>
    /// A 64-bit bit buffer for the hot loops, kept in registers: the next code is looked up from <see cref="Bits"/>
    /// without a memory load in the way, and 4 bytes are added whenever fewer than 32 bits remain.
    /// </summary>
    private struct LineBits
    {
        private int _byte;

        public LineBits(ref byte data, int position)
        {
            _byte = position >> 3;
            Bits = 0;
            Count = 0;
            Refill(ref data);
            Skip(position & 7);
        }

        /// <summary>The buffered bits, the next one the most significant.</summary>
        public ulong Bits { get; private set; }

        public int Count { get; private set; }

        /// <summary>The bit position in the buffer of the next unread bit.</summary>
        public readonly int Position => (_byte * 8) - Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Refill(ref byte data)
        {
            uint word = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref data, _byte)));
            Bits |= (ulong)word << (32 - Count);
            _byte += 4;
            Count += 32;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Skip(int n)
        {
            Bits <<= n;
            Count -= n;
        }
    }

    private readonly struct ScanParameters
    {
        public int Width { get; init; }

        public int Stride { get; init; }

        public int Predictor { get; init; }

        public int PointTransform { get; init; }

        public int Initial { get; init; }
    }
}
