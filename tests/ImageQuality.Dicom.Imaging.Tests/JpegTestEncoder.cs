namespace ImageQuality.Dicom.Imaging.Tests;

/// <summary>
/// A deliberately plain JPEG encoder for streams that no installed tool writes: restart intervals, every lossless
/// predictor with restarts, sequential colour in separate scans. Fixed-length Huffman codes keep it short; the
/// streams are valid T.81 and are decoded by dcmdjpeg as the oracle, so the encoder need not be clever.
/// </summary>
internal static class JpegTestEncoder
{
    private static readonly int[] Luminance =
    [
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
        14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ];

    private static readonly byte[] ZigZag =
    [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    ];

    /// <summary>
    /// Lossless (SOF3): samples interleaved by pixel; a restart every <paramref name="restartLines"/> lines (0: none).
    /// The Huffman codes are all 5 bits long, or with <paramref name="longCodes"/> 2 to 16 bits (category c gets
    /// c + 2 bits), so that large differences need codes longer than a decoder's look-up tables.
    /// </summary>
    public static byte[] EncodeLossless(ReadOnlySpan<ushort> samples, int width, int height, int components, int precision, int predictor, int pointTransform, int restartLines, bool longCodes = false)
    {
        var w = new Writer();
        w.Marker(0xD8);
        WriteFrameHeader(w, 0xC3, precision, width, height, components, _ => (1, 1));
        int[] lengths = Enumerable.Range(0, 17).Select(c => longCodes ? Math.Min(c + 2, 16) : 5).ToArray();
        int[] codes = WriteHuffmanTable(w, 0x00, lengths);
        if (restartLines > 0)
        {
            w.Segment(0xDD, [(byte)((restartLines * width) >> 8), (byte)(restartLines * width)]);
        }

        var sos = new List<byte> { (byte)components };
        for (int c = 0; c < components; c++)
        {
            sos.Add((byte)(c + 1));
            sos.Add(0x00);
        }

        sos.AddRange([(byte)predictor, 0, (byte)pointTransform]);
        w.Segment(0xDA, [.. sos]);

        ushort[] all = samples.ToArray();
        int Value(int index) => all[index] >> pointTransform;
        int initial = 1 << (precision - pointTransform - 1);
        int restart = 0;
        for (int y = 0; y < height; y++)
        {
            bool firstLine = y == 0;
            if (restartLines > 0 && y > 0 && y % restartLines == 0)
            {
                w.FlushBits();
                w.Marker((byte)(0xD0 + (restart++ & 7)));
                firstLine = true;
            }

            for (int x = 0; x < width; x++)
            {
                for (int c = 0; c < components; c++)
                {
                    int i = (((y * width) + x) * components) + c;
                    int left = i - components;
                    int up = i - (width * components);
                    int prediction = firstLine
                        ? (x == 0 ? initial : Value(left))
                        : x == 0 ? Value(up) : Predict(predictor, Value(left), Value(up), Value(up - components));
                    int difference = (Value(i) - prediction) & 0xFFFF;
                    if (difference == 32768)
                    {
                        w.Bits(codes[16], lengths[16]);
                        continue;
                    }

                    difference = difference > 32768 ? difference - 65536 : difference;
                    int category = Category(difference);
                    w.Bits(codes[category], lengths[category]);
                    w.Bits(Extra(difference, category), category);
                }
            }
        }

        w.FlushBits();
        w.Marker(0xD9);
        return w.ToArray();
    }

    /// <summary>
    /// Baseline (SOF0), 8-bit: samples interleaved by pixel and coded as they are (no colour transform);
    /// <paramref name="sampling"/> gives each component's factors; a restart every <paramref name="restartInterval"/>
    /// MCUs (0: none); <paramref name="separateScans"/> puts each component in its own scan.
    /// </summary>
    public static byte[] EncodeBaseline(ReadOnlySpan<byte> samples, int width, int height, (int H, int V)[] sampling, int restartInterval, bool separateScans)
    {
        int components = sampling.Length;
        int hMax = sampling.Max(s => s.H);
        int vMax = sampling.Max(s => s.V);
        var w = new Writer();
        w.Marker(0xD8);
        byte[] dqt = new byte[65];
        for (int k = 0; k < 64; k++)
        {
            dqt[1 + k] = (byte)Luminance[ZigZag[k]];
        }

        w.Segment(0xDB, dqt);
        WriteFrameHeader(w, 0xC0, 8, width, height, components, c => sampling[c]);
        WriteHuffmanTable(w, 0x00, Enumerable.Range(0, 12).Select(i => (byte)i).ToArray(), 4);
        var acSymbols = new List<byte> { 0x00, 0xF0 };
        for (int run = 0; run < 16; run++)
        {
            for (int size = 1; size <= 10; size++)
            {
                acSymbols.Add((byte)((run << 4) | size));
            }
        }

        WriteHuffmanTable(w, 0x10, [.. acSymbols], 8);
        if (restartInterval > 0)
        {
            w.Segment(0xDD, [(byte)(restartInterval >> 8), (byte)restartInterval]);
        }

        // Component planes at their own resolution (point subsampling), edges repeated past their size.
        var planes = new byte[components][];
        int[] planeWidth = new int[components];
        int[] planeHeight = new int[components];
        for (int c = 0; c < components; c++)
        {
            planeWidth[c] = ((width * sampling[c].H) + hMax - 1) / hMax;
            planeHeight[c] = ((height * sampling[c].V) + vMax - 1) / vMax;
            planes[c] = new byte[planeWidth[c] * planeHeight[c]];
            for (int y = 0; y < planeHeight[c]; y++)
            {
                for (int x = 0; x < planeWidth[c]; x++)
                {
                    int sx = Math.Min(x * hMax / sampling[c].H, width - 1);
                    int sy = Math.Min(y * vMax / sampling[c].V, height - 1);
                    planes[c][(y * planeWidth[c]) + x] = samples[(((sy * width) + sx) * components) + c];
                }
            }
        }

        int[][] scans = separateScans ? Enumerable.Range(0, components).Select(c => new[] { c }).ToArray() : [Enumerable.Range(0, components).ToArray()];
        foreach (int[] scan in scans)
        {
            var sos = new List<byte> { (byte)scan.Length };
            foreach (int c in scan)
            {
                sos.Add((byte)(c + 1));
                sos.Add(0x00);
            }

            sos.AddRange([0, 63, 0]);
            w.Segment(0xDA, [.. sos]);
            int[] dc = new int[components];
            int restart = 0;
            int mcu = 0;
            void Block(int c, int bx, int by)
            {
                EncodeBlock(w, planes[c], planeWidth[c], planeHeight[c], bx, by, ref dc[c]);
            }

            void BeginMcu()
            {
                if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0)
                {
                    w.FlushBits();
                    w.Marker((byte)(0xD0 + (restart++ & 7)));
                    Array.Clear(dc);
                }

                mcu++;
            }

            if (scan.Length == 1)
            {
                int c = scan[0];
                for (int by = 0; by < (planeHeight[c] + 7) / 8; by++)
                {
                    for (int bx = 0; bx < (planeWidth[c] + 7) / 8; bx++)
                    {
                        BeginMcu();
                        Block(c, bx, by);
                    }
                }
            }
            else
            {
                for (int my = 0; my < (height + (8 * vMax) - 1) / (8 * vMax); my++)
                {
                    for (int mx = 0; mx < (width + (8 * hMax) - 1) / (8 * hMax); mx++)
                    {
                        BeginMcu();
                        foreach (int c in scan)
                        {
                            for (int v = 0; v < sampling[c].V; v++)
                            {
                                for (int h = 0; h < sampling[c].H; h++)
                                {
                                    Block(c, (mx * sampling[c].H) + h, (my * sampling[c].V) + v);
                                }
                            }
                        }
                    }
                }
            }

            w.FlushBits();
        }

        w.Marker(0xD9);
        return w.ToArray();
    }

    private static void EncodeBlock(Writer w, byte[] plane, int planeWidth, int planeHeight, int bx, int by, ref int dcPrediction)
    {
        double[] f = new double[64];
        for (int y = 0; y < 8; y++)
        {
            for (int x = 0; x < 8; x++)
            {
                int px = Math.Min((bx * 8) + x, planeWidth - 1);
                int py = Math.Min((by * 8) + y, planeHeight - 1);
                f[(y * 8) + x] = plane[(py * planeWidth) + px] - 128;
            }
        }

        int[] q = new int[64];
        for (int v = 0; v < 8; v++)
        {
            for (int u = 0; u < 8; u++)
            {
                double sum = 0;
                for (int y = 0; y < 8; y++)
                {
                    for (int x = 0; x < 8; x++)
                    {
                        sum += f[(y * 8) + x] * Math.Cos(((2 * x) + 1) * u * Math.PI / 16) * Math.Cos(((2 * y) + 1) * v * Math.PI / 16);
                    }
                }

                double cu = u == 0 ? Math.Sqrt(0.5) : 1;
                double cv = v == 0 ? Math.Sqrt(0.5) : 1;
                q[(v * 8) + u] = (int)Math.Round(0.25 * cu * cv * sum / Luminance[(v * 8) + u]);
            }
        }

        int difference = q[0] - dcPrediction;
        dcPrediction = q[0];
        int category = Category(difference);
        w.Bits(category, 4);
        w.Bits(Extra(difference, category), category);
        int run = 0;
        for (int k = 1; k < 64; k++)
        {
            int value = q[ZigZag[k]];
            if (value == 0)
            {
                run++;
                continue;
            }

            while (run > 15)
            {
                w.Bits(AcCode(0xF0), 8);
                run -= 16;
            }

            int size = Category(value);
            w.Bits(AcCode((run << 4) | size), 8);
            w.Bits(Extra(value, size), size);
            run = 0;
        }

        if (run > 0)
        {
            w.Bits(AcCode(0x00), 8);
        }
    }

    /// <summary>The 8-bit code of an AC symbol in the table written above: EOB, ZRL, then run/size in order.</summary>
    private static int AcCode(int symbol) => symbol switch
    {
        0x00 => 0,
        0xF0 => 1,
        _ => 2 + ((symbol >> 4) * 10) + (symbol & 15) - 1,
    };

    private static void WriteFrameHeader(Writer w, byte marker, int precision, int width, int height, int components, Func<int, (int H, int V)> sampling)
    {
        var sof = new List<byte> { (byte)precision, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, (byte)components };
        for (int c = 0; c < components; c++)
        {
            (int h, int v) = sampling(c);
            sof.AddRange([(byte)(c + 1), (byte)((h << 4) | v), 0]);
        }

        w.Segment(marker, [.. sof]);
    }

    /// <summary>A DHT segment for symbols 0..n-1 with the given code lengths; returns each symbol's canonical code (T.81 C.2).</summary>
    private static int[] WriteHuffmanTable(Writer w, byte classAndId, int[] lengths)
    {
        int[] order = Enumerable.Range(0, lengths.Length).OrderBy(s => lengths[s]).ThenBy(s => s).ToArray();
        byte[] segment = new byte[17 + lengths.Length];
        segment[0] = classAndId;
        int[] codes = new int[lengths.Length];
        int code = 0;
        int previous = lengths[order[0]];
        for (int i = 0; i < order.Length; i++)
        {
            int symbol = order[i];
            code <<= lengths[symbol] - previous;
            previous = lengths[symbol];
            codes[symbol] = code++;
            segment[lengths[symbol]]++;
            segment[17 + i] = (byte)symbol;
        }

        w.Segment(0xC4, segment);
        return codes;
    }

    /// <summary>A table in which every symbol has a code of <paramref name="length"/> bits, assigned in symbol order.</summary>
    private static void WriteHuffmanTable(Writer w, byte classAndId, byte[] symbols, int length)
    {
        byte[] segment = new byte[17 + symbols.Length];
        segment[0] = classAndId;
        segment[length] = (byte)symbols.Length;
        symbols.CopyTo(segment, 17);
        w.Segment(0xC4, segment);
    }

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

    private static int Category(int value)
    {
        int magnitude = Math.Abs(value);
        int bits = 0;
        while (magnitude > 0)
        {
            bits++;
            magnitude >>= 1;
        }

        return bits;
    }

    /// <summary>T.81 F.1.2.1: a negative value is sent as value - 1 in its low bits.</summary>
    private static int Extra(int value, int category) => category == 0 ? 0 : (value < 0 ? value - 1 : value) & ((1 << category) - 1);

    private sealed class Writer
    {
        private readonly List<byte> _bytes = [];
        private int _buffer;
        private int _count;

        public void Marker(byte code) => _bytes.AddRange([0xFF, code]);

        public void Segment(byte code, byte[] parameters)
        {
            Marker(code);
            _bytes.Add((byte)((parameters.Length + 2) >> 8));
            _bytes.Add((byte)(parameters.Length + 2));
            _bytes.AddRange(parameters);
        }

        public void Bits(int value, int length)
        {
            for (int i = length - 1; i >= 0; i--)
            {
                _buffer = (_buffer << 1) | ((value >> i) & 1);
                if (++_count == 8)
                {
                    Emit();
                }
            }
        }

        /// <summary>Pads the last byte with 1 bits (T.81 F.1.2.3).</summary>
        public void FlushBits()
        {
            while (_count != 0)
            {
                Bits(1, 1);
            }
        }

        public byte[] ToArray()
        {
            if ((_bytes.Count & 1) == 1)
            {
                _bytes.Add(0);
            }

            return [.. _bytes];
        }

        private void Emit()
        {
            _bytes.Add((byte)_buffer);
            if (_buffer == 0xFF)
            {
                _bytes.Add(0);
            }

            _buffer = 0;
            _count = 0;
        }
    }
}
