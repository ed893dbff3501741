using System.Runtime.CompilerServices;

namespace ImageQuality.Dicom.Imaging.Codecs.Jpeg;

/// <summary>
/// Lossless (process 14) scans, T.81 Annex H: each sample is a Huffman-coded difference from a prediction made of
/// its left (Ra), upper (Rb) and upper-left (Rc) neighbours. The first line of the image and of every restart
/// interval predicts from the left only, starting at 2^(P-Pt-1); the first column predicts from above. Samples
/// are written straight into the frame (interleaved by pixel), which doubles as the line buffer the predictor
/// reads; the point transform Pt shifts them up on output and down again when read back.
/// </summary>
internal static class JpegLosslessDecoder
{
    /// <summary>Decodes one scan into <paramref name="samples"/> (byte or ushort, one per sample of the frame).</summary>
    /// <returns>The position after the scan's entropy-coded data.</returns>
    public static int DecodeScan<T>(ReadOnlySpan<byte> data, int position, JpegFrameHeader frame, JpegScanHeader scan, JpegTables tables, Span<T> samples)
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

        var reader = new JpegBitReader(data, position);
        int linesPerInterval = restartInterval / width;
        int linesToGo = linesPerInterval;
        int nextRestart = 0;
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
            Span<T> line = samples.Slice(y * width * p.Stride, width * p.Stride);
            Span<T> above = firstLine ? default : samples.Slice((y - 1) * width * p.Stride, width * p.Stride);
            if (huffman.Length > 1)
            {
                DecodeInterleavedLine(ref reader, huffman, scan.Components, line, above, p, firstLine);
            }
            else if (firstLine || p.Predictor == 1)
            {
                DecodeLineFromLeft(ref reader, huffman[0], line, above, scan.Components[0].Index, p);
            }
            else
            {
                DecodeLine(ref reader, huffman[0], line, above, scan.Components[0].Index, p);
            }
        }

        if (reader.IsOverrun)
        {
            throw new DicomPixelDataException("The lossless JPEG data ends before the last line (truncated or corrupt).");
        }

        return reader.Position;
    }

    /// <summary>Predictor 1 (Ra), also used for every first line: the first sample predicts from above, or from 2^(P-Pt-1).</summary>
    private static void DecodeLineFromLeft<T>(ref JpegBitReader reader, JpegHuffmanTable table, Span<T> line, Span<T> above, int offset, in ScanParameters p)
        where T : unmanaged
    {
        int stride = p.Stride;
        int pt = p.PointTransform;
        int end = line.Length;
        int predictor = above.IsEmpty ? p.Initial : Get(above, offset) >> pt;
        for (int x = offset; x < end; x += stride)
        {
            int value = (predictor + ReadDifference(ref reader, table)) & 0xFFFF;
            Set(line, x, value << pt);
            predictor = value;
        }
    }

    /// <summary>Predictors 2-7 on a line that has one above it (T.81 Table H.1).</summary>
    private static void DecodeLine<T>(ref JpegBitReader reader, JpegHuffmanTable table, Span<T> line, Span<T> above, int offset, in ScanParameters p)
        where T : unmanaged
    {
        int stride = p.Stride;
        int pt = p.PointTransform;
        int end = line.Length;
        int rc = Get(above, offset) >> pt;
        int ra = (rc + ReadDifference(ref reader, table)) & 0xFFFF;
        Set(line, offset, ra << pt);
        for (int x = offset + stride; x < end; x += stride)
        {
            int rb = Get(above, x) >> pt;
            ra = (Predict(p.Predictor, ra, rb, rc) + ReadDifference(ref reader, table)) & 0xFFFF;
            Set(line, x, ra << pt);
            rc = rb;
        }
    }

    /// <summary>An interleaved scan: per pixel one difference for each scan component, each with its own table.</summary>
    private static void DecodeInterleavedLine<T>(ref JpegBitReader reader, JpegHuffmanTable[] tables, JpegComponent[] components, Span<T> line, Span<T> above, in ScanParameters p, bool firstLine)
        where T : unmanaged
    {
        int stride = p.Stride;
        int pt = p.PointTransform;
        for (int x = 0; x < p.Width; x++)
        {
            int at = x * stride;
            for (int i = 0; i < tables.Length; i++)
            {
                int s = at + components[i].Index;
                int predictor;
                if (firstLine)
                {
                    predictor = x == 0 ? p.Initial : Get(line, s - stride) >> pt;
                }
                else if (x == 0)
                {
                    predictor = Get(above, s) >> pt;
                }
                else
                {
                    predictor = Predict(p.Predictor, Get(line, s - stride) >> pt, Get(above, s) >> pt, Get(above, s - stride) >> pt);
                }

                int value = (predictor + ReadDifference(ref reader, tables[i])) & 0xFFFF;
                Set(line, s, value << pt);
            }
        }
    }

    /// <summary>T.81 H.1.2.2: category 16 means 32768 with no further bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ReadDifference(ref JpegBitReader reader, JpegHuffmanTable table)
    {
        reader.Ensure32();
        int category = reader.Decode(table);
        return category == 16 ? 32768 : reader.ReceiveExtend(category);
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

    private readonly struct ScanParameters
    {
        public int Width { get; init; }

        public int Stride { get; init; }

        public int Predictor { get; init; }

        public int PointTransform { get; init; }

        public int Initial { get; init; }
    }
}
