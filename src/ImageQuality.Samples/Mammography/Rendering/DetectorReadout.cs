namespace ImageQuality.Samples.Mammography.Rendering;

/// <summary>
/// Resamples the working grid to the detector's pixels (bilinear: smooth, and the skin edge stays where the
/// coverage put it), adds quantum noise per pixel, and stores the values in the stored orientation and photometric
/// sense. Quantum noise of a pixel grows as its area shrinks: σ scales with 70 µm / pixel spacing, so once the
/// landmark grid averages pixels into 1 mm cells the noise is the same whatever the pixel size or binning.
/// </summary>
internal static class DetectorReadout
{
    private static readonly float[] Gaussians = MakeGaussians();

    /// <param name="spacingMm">Canonical millimetres per stored pixel (breast plane).</param>
    /// <param name="detectorSpacingMm">ImagerPixelSpacing of a stored pixel: what sets the quantum noise.</param>
    public static ushort[] Read(PresentationPlane plane, int columns, int rows, double spacingMm, double detectorSpacingMm, bool flipColumns, bool flipRows, bool monochrome1, int maxValue, int seed)
    {
        WorkingGrid grid = plane.Grid;
        var x0 = new int[columns];
        var fx = new float[columns];
        for (int xs = 0; xs < columns; xs++)
        {
            int xc = flipColumns ? columns - 1 - xs : xs;
            (double u, _) = grid.ToCell((xc + 0.5) * spacingMm, 0);
            x0[xs] = Math.Clamp((int)Math.Floor(u), 0, grid.Columns - 2);
            fx[xs] = (float)Math.Clamp(u - x0[xs], 0, 1);
        }

        float noiseScale = (float)(0.07 / detectorSpacingMm);
        var pixels = new ushort[columns * rows];
        float[] values = plane.Values, sigma = plane.NoiseSigma;
        int gridColumns = grid.Columns;
        Parallel.For(0, rows, ys =>
        {
            int yc = flipRows ? rows - 1 - ys : ys;
            (_, double v) = grid.ToCell(0, (yc + 0.5) * spacingMm);
            int y0 = Math.Clamp((int)Math.Floor(v), 0, grid.Rows - 2);
            float fy = (float)Math.Clamp(v - y0, 0, 1);
            int top = y0 * gridColumns, bottom = top + gridColumns;

            // Each row has its own generator, seeded from the image's seed: the same pixels whatever the threads do.
            uint state = RowSeed(seed, ys);
            int rowStart = ys * columns;
            for (int xs = 0; xs < columns; xs++)
            {
                int i = x0[xs];
                float tx = fx[xs];
                float a = values[top + i] + (tx * (values[top + i + 1] - values[top + i]));
                float b = values[bottom + i] + (tx * (values[bottom + i + 1] - values[bottom + i]));
                float value = a + (fy * (b - a));
                float s = sigma[(fy < 0.5f ? top : bottom) + (tx < 0.5f ? i : i + 1)];
                if (s > 0)
                {
                    state ^= state << 13;
                    state ^= state >> 17;
                    state ^= state << 5;
                    value += s * noiseScale * Gaussians[state & 0xFFFF];
                }

                int stored = (int)Math.Clamp(MathF.Round(value), 0, maxValue);
                pixels[rowStart + xs] = (ushort)(monochrome1 ? maxValue - stored : stored);
            }
        });

        return pixels;
    }

    /// <summary>A fixed mix of the seed and the row (HashCode is randomised per process, so it cannot serve).</summary>
    private static uint RowSeed(int seed, int row)
    {
        uint h = (uint)seed * 0x9E3779B1u;
        h ^= (uint)(row + 1) * 0x85EBCA6Bu;
        h ^= h >> 16;
        h *= 0x7FEB352Du;
        h ^= h >> 15;
        h *= 0x846CA68Bu;
        h ^= h >> 16;
        return h | 1u;
    }

    /// <summary>Standard normal deviates at evenly spaced quantiles: a table lookup per pixel instead of a logarithm.</summary>
    private static float[] MakeGaussians()
    {
        var table = new float[65536];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = (float)InverseNormal((i + 0.5) / table.Length);
        }

        return table;
    }

    /// <summary>Acklam's rational approximation of the normal quantile (relative error below 1.2e-9).</summary>
    private static double InverseNormal(double p)
    {
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        if (p < low || p > 1 - low)
        {
            double q = Math.Sqrt(-2 * Math.Log(Math.Min(p, 1 - p)));
            double tail = Horner(c, q) / ((Horner(d, q) * q) + 1);
            return p < low ? tail : -tail;
        }

        double r = p - 0.5, s = r * r;
        return Horner(a, s) * r / ((Horner(b, s) * s) + 1);
    }

    private static double Horner(double[] coefficients, double x)
    {
        double sum = 0;
        foreach (double k in coefficients)
        {
            sum = (sum * x) + k;
        }

        return sum;
    }
}
