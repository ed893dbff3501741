namespace ImageQuality.Samples.Mammography.Rendering;

/// <summary>
/// Exact Euclidean distance transform (Felzenszwalb and Huttenlocher's lower envelope of parabolas, two passes):
/// for every cell, the distance in cells to the nearest cell that is not set.
/// </summary>
internal static class DistanceTransform
{
    private const double Far = 1e12;

    public static float[] ToNearestUnset(bool[] set, int columns, int rows)
    {
        var squared = new double[set.Length];
        for (int i = 0; i < set.Length; i++)
        {
            squared[i] = set[i] ? Far : 0;
        }

        int longest = Math.Max(columns, rows);
        var f = new double[longest];
        var d = new double[longest];
        var v = new int[longest];
        var z = new double[longest + 1];
        for (int x = 0; x < columns; x++)
        {
            for (int y = 0; y < rows; y++)
            {
                f[y] = squared[(y * columns) + x];
            }

            Envelope(f, rows, d, v, z);
            for (int y = 0; y < rows; y++)
            {
                squared[(y * columns) + x] = d[y];
            }
        }

        var result = new float[set.Length];
        for (int y = 0; y < rows; y++)
        {
            int start = y * columns;
            Array.Copy(squared, start, f, 0, columns);
            Envelope(f, columns, d, v, z);
            for (int x = 0; x < columns; x++)
            {
                result[start + x] = (float)Math.Sqrt(Math.Min(d[x], Far));
            }
        }

        return result;
    }

    private static void Envelope(double[] f, int n, double[] d, int[] v, double[] z)
    {
        int k = 0;
        v[0] = 0;
        z[0] = double.NegativeInfinity;
        z[1] = double.PositiveInfinity;
        for (int q = 1; q < n; q++)
        {
            double s = Intersection(f, q, v[k]);
            while (s <= z[k])
            {
                k--;
                s = Intersection(f, q, v[k]);
            }

            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = double.PositiveInfinity;
        }

        k = 0;
        for (int q = 0; q < n; q++)
        {
            while (z[k + 1] < q)
            {
                k++;
            }

            double dq = q - v[k];
            d[q] = (dq * dq) + f[v[k]];
        }
    }

    private static double Intersection(double[] f, int q, int p) => ((f[q] + ((double)q * q)) - (f[p] + ((double)p * p))) / ((2.0 * q) - (2.0 * p));
}
