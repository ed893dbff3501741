namespace ImageQuality.Dicom.Imaging.Codecs.Jpeg;

/// <summary>
/// Sequential DCT scans with Huffman coding (processes 1, 2 and 4; T.81 F.2): per block a DC difference and
/// run-length coded AC coefficients, then dequantization and the inverse DCT into the component's sample plane.
/// Planes are padded to whole MCUs; the colour stage crops them to the image.
/// </summary>
internal sealed class JpegDctDecoder
{
    private readonly JpegFrameHeader _frame;
    private readonly JpegIdct _idct;
    private readonly short[] _block = new short[64];
    private readonly int[] _workspace = new int[64];

    public JpegDctDecoder(JpegFrameHeader frame)
    {
        _frame = frame;
        _idct = JpegIdct.For(frame.Precision);
        Planes = new ushort[frame.Components.Length][];
        for (int i = 0; i < Planes.Length; i++)
        {
            JpegComponent c = frame.Components[i];
            Planes[i] = new ushort[(long)c.BlocksPerLine * 8 * c.BlocksPerColumn * 8];
        }
    }

    /// <summary>Each component's samples, <see cref="JpegComponent.BlocksPerLine"/> * 8 per line.</summary>
    public ushort[][] Planes { get; }

    /// <summary>
    /// Zero bytes the entropy-coded data needs after it: the overrun check runs once an MCU, and an MCU of at most
    /// 10 blocks of 64 codes of at most 31 bits reads less than this past the end.
    /// </summary>
    public const int Padding = 4096;

    public void DecodeScan(JpegEntropyCodedData data, JpegScanHeader scan, JpegTables tables)
    {
        int n = scan.Components.Length;
        var dc = new JpegHuffmanTable[n];
        var ac = new JpegHuffmanTable[n];
        int[][] quantization = new int[n][];
        for (int i = 0; i < n; i++)
        {
            JpegComponent c = scan.Components[i];
            dc[i] = tables.Dc[scan.DcTables[i]] ?? throw new DicomPixelDataException($"The JPEG scan uses DC Huffman table {scan.DcTables[i]}, which is not defined.");
            ac[i] = tables.Ac[scan.AcTables[i]] ?? throw new DicomPixelDataException($"The JPEG scan uses AC Huffman table {scan.AcTables[i]}, which is not defined.");
            quantization[i] = tables.Quantization[c.QuantizationTable] ?? throw new DicomPixelDataException($"JPEG component {c.Id} uses quantization table {c.QuantizationTable}, which is not defined.");
            if (dc[i].MaxSymbol > 15)
            {
                throw new DicomPixelDataException($"A JPEG DC Huffman table codes category {dc[i].MaxSymbol}; categories are 0-15.");
            }
        }

        var state = new ScanState(n);
        var reader = new JpegBitReader(data);
        int restartInterval = tables.RestartInterval;
        int restartsToGo = restartInterval;
        int nextRestart = 0;
        if (n == 1)
        {
            // A non-interleaved scan: one block per MCU, in raster order over the component's own size (T.81 A.2.2).
            JpegComponent c = scan.Components[0];
            int blocksWide = (c.Width + 7) / 8;
            int blocksHigh = (c.Height + 7) / 8;
            for (int by = 0; by < blocksHigh; by++)
            {
                for (int bx = 0; bx < blocksWide; bx++)
                {
                    CheckOverrun(ref reader);
                    if (restartInterval > 0 && restartsToGo == 0)
                    {
                        reader.ReadRestartMarker(nextRestart);
                        nextRestart = (nextRestart + 1) & 7;
                        restartsToGo = restartInterval;
                        state.Reset();
                    }

                    DecodeBlock(ref reader, dc[0], ac[0], ref state.DcPredictions[0], quantization[0], c, bx, by);
                    restartsToGo--;
                }
            }
        }
        else
        {
            for (int my = 0; my < _frame.McusPerColumn; my++)
            {
                for (int mx = 0; mx < _frame.McusPerLine; mx++)
                {
                    CheckOverrun(ref reader);
                    if (restartInterval > 0 && restartsToGo == 0)
                    {
                        reader.ReadRestartMarker(nextRestart);
                        nextRestart = (nextRestart + 1) & 7;
                        restartsToGo = restartInterval;
                        state.Reset();
                    }

                    for (int i = 0; i < n; i++)
                    {
                        JpegComponent c = scan.Components[i];
                        for (int v = 0; v < c.VerticalSampling; v++)
                        {
                            for (int h = 0; h < c.HorizontalSampling; h++)
                            {
                                DecodeBlock(ref reader, dc[i], ac[i], ref state.DcPredictions[i], quantization[i], c, (mx * c.HorizontalSampling) + h, (my * c.VerticalSampling) + v);
                            }
                        }
                    }

                    restartsToGo--;
                }
            }
        }

        CheckOverrun(ref reader);
        foreach (JpegComponent c in scan.Components)
        {
            c.Decoded = true;
        }
    }

    private static void CheckOverrun(ref JpegBitReader reader)
    {
        if (reader.IsOverrun)
        {
            throw new DicomPixelDataException("The JPEG scan data ends before the last block (truncated or corrupt).");
        }
    }

    /// <summary>T.81 F.2.2.1 and F.2.2.2, as libjpeg's decode_mcu does them (a run past coefficient 63 lands on 63).</summary>
    private void DecodeBlock(ref JpegBitReader reader, JpegHuffmanTable dc, JpegHuffmanTable ac, ref int dcPrediction, int[] quantization, JpegComponent c, int bx, int by)
    {
        Span<short> block = _block;
        block.Clear();
        int category = reader.Decode(dc);
        dcPrediction += reader.ReceiveExtend(category);
        block[0] = (short)dcPrediction;

        ReadOnlySpan<byte> natural = JpegTables.NaturalOrder;
        for (int k = 1; k < 64; k++)
        {
            int rs = reader.Decode(ac);
            int run = rs >> 4;
            int size = rs & 15;
            if (size != 0)
            {
                k += run;
                block[natural[k]] = (short)reader.ReceiveExtend(size);
            }
            else
            {
                if (run != 15)
                {
                    break;
                }

                k += 15;
            }
        }

        int stride = c.BlocksPerLine * 8;
        _idct.Transform(block, quantization, _workspace, Planes[c.Index], (by * 8 * stride) + (bx * 8), stride);
    }

    private sealed class ScanState(int components)
    {
        public int[] DcPredictions { get; } = new int[components];

        public void Reset() => Array.Clear(DcPredictions);
    }
}
