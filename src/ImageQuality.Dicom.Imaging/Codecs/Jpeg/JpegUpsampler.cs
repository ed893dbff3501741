namespace ImageQuality.Dicom.Imaging.Codecs.Jpeg;

/// <summary>
/// Brings a subsampled component to full resolution the way libjpeg 6b (jdsample.c) does by default, so colour
/// output matches dcmdjpeg's: "fancy" triangular interpolation for 2:1 horizontal (h2v1) and 2:1 both ways
/// (h2v2) when the component is wider than 2 samples, edges replicated; plain replication for other integral ratios.
/// </summary>
internal static class JpegUpsampler
{
    /// <summary>The component at full resolution (<paramref name="width"/> x <paramref name="height"/>), or null when it already is.</summary>
    public static ushort[]? Upsample(JpegFrameHeader frame, JpegComponent c, ushort[] plane)
    {
        int hRatio = frame.MaxHorizontalSampling / c.HorizontalSampling;
        int vRatio = frame.MaxVerticalSampling / c.VerticalSampling;
        if (frame.MaxHorizontalSampling % c.HorizontalSampling != 0 || frame.MaxVerticalSampling % c.VerticalSampling != 0)
        {
            throw new DicomPixelDataException($"JPEG component {c.Id} has sampling factors {c.HorizontalSampling}x{c.VerticalSampling} that do not divide {frame.MaxHorizontalSampling}x{frame.MaxVerticalSampling} (fractional sampling is not supported).");
        }

        if (hRatio == 1 && vRatio == 1)
        {
            return null;
        }

        int width = frame.Width;
        int height = frame.Height;
        int stride = c.BlocksPerLine * 8;
        var output = new ushort[width * height];
        bool fancy = c.Width > 2 && hRatio == 2 && vRatio is 1 or 2;
        if (fancy && vRatio == 1)
        {
            H2V1(plane, stride, c.Width, output, width, height);
        }
        else if (fancy)
        {
            H2V2(plane, stride, c.Width, c.Height, output, width, height);
        }
        else
        {
            for (int y = 0; y < height; y++)
            {
                ReadOnlySpan<ushort> input = plane.AsSpan((y / vRatio) * stride, stride);
                Span<ushort> line = output.AsSpan(y * width, width);
                for (int x = 0; x < width; x++)
                {
                    line[x] = input[x / hRatio];
                }
            }
        }

        return output;
    }

    /// <summary>jdsample.c h2v1_fancy_upsample: each output sample is 3/4 of the nearer input plus 1/4 of the further.</summary>
    private static void H2V1(ushort[] plane, int stride, int inWidth, ushort[] output, int width, int height)
    {
        for (int y = 0; y < height; y++)
        {
            ReadOnlySpan<ushort> input = plane.AsSpan(y * stride, inWidth);
            Span<ushort> line = output.AsSpan(y * width, width);
            for (int x = 0; x < width; x++)
            {
                int i = x >> 1;
                int near = input[i] * 3;
                line[x] = (x & 1) == 0
                    ? (ushort)((near + input[Math.Max(i - 1, 0)] + 1) >> 2)
                    : (ushort)((near + input[Math.Min(i + 1, inWidth - 1)] + 2) >> 2);
            }
        }
    }

    /// <summary>
    /// jdsample.c h2v2_fancy_upsample: a vertical 3:1 mix with the line above (even output lines) or below (odd
    /// ones), then the same horizontally, rounded with the alternating 8/7 bias; the edge lines and columns repeat.
    /// </summary>
    private static void H2V2(ushort[] plane, int stride, int inWidth, int inHeight, ushort[] output, int width, int height)
    {
        int[] columnSums = new int[inWidth];
        for (int y = 0; y < height; y++)
        {
            int row = y >> 1;
            int other = (y & 1) == 0 ? Math.Max(row - 1, 0) : Math.Min(row + 1, inHeight - 1);
            ReadOnlySpan<ushort> nearLine = plane.AsSpan(row * stride, inWidth);
            ReadOnlySpan<ushort> otherLine = plane.AsSpan(other * stride, inWidth);
            for (int i = 0; i < inWidth; i++)
            {
                columnSums[i] = (nearLine[i] * 3) + otherLine[i];
            }

            Span<ushort> line = output.AsSpan(y * width, width);
            for (int x = 0; x < width; x++)
            {
                int i = x >> 1;
                int near = columnSums[i] * 3;
                line[x] = (x & 1) == 0
                    ? (ushort)((near + columnSums[Math.Max(i - 1, 0)] + 8) >> 4)
                    : (ushort)((near + columnSums[Math.Min(i + 1, inWidth - 1)] + 7) >> 4);
            }
        }
    }
}
