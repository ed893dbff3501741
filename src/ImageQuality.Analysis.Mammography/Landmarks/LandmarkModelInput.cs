namespace ImageQuality.Analysis.Mammography.Landmarks;

/// <summary>
/// The landmark model's input, made the same way at inference and when training data are exported (one piece of
/// code, so the two cannot drift): modality values averaged over boxes down to a 256 x 320 grid in canonical
/// orientation (chest wall left), scaled so that the 0.5th percentile is 0 and the 99.5th is 1, inverted for
/// MONOCHROME1 so that tissue is bright. At 0.07 mm detector pixels the grid is about 0.8 mm per cell.
/// </summary>
public static class LandmarkModelInput
{
    public const int Width = 256;

    public const int Height = 320;

    /// <summary>The model's input tensor [1, 1, Height, Width] and the way back to image pixels.</summary>
    public static (float[] Tensor, ModelTransform Transform) Prepare(MammogramPlane plane, CanonicalOrientation orientation)
    {
        float[] grid = BoxDownsample(plane, orientation);
        Normalise(grid, plane.Monochrome1);
        return (grid, new ModelTransform(plane.Width, plane.Height, orientation));
    }

    /// <summary>
    /// Each cell is the mean of the stored pixels whose centres fall in it; rows and columns are visited in
    /// canonical order so that the flips cost nothing.
    /// </summary>
    private static float[] BoxDownsample(MammogramPlane plane, CanonicalOrientation orientation)
    {
        int w = plane.Width, h = plane.Height;
        var columnCell = new int[w];
        for (int x = 0; x < w; x++)
        {
            int canonicalX = orientation.FlipColumns ? w - 1 - x : x;
            columnCell[x] = Math.Min(Width - 1, (int)((long)canonicalX * Width / w));
        }

        var sums = new double[Width * Height];
        var counts = new int[Width * Height];
        float[] values = plane.Values;
        var rowSums = new double[Width];
        var rowCounts = new int[Width];
        for (int y = 0; y < h; y++)
        {
            int canonicalY = orientation.FlipRows ? h - 1 - y : y;
            int cellRow = Math.Min(Height - 1, (int)((long)canonicalY * Height / h));
            Array.Clear(rowSums);
            Array.Clear(rowCounts);
            int start = y * w;
            for (int x = 0; x < w; x++)
            {
                int c = columnCell[x];
                rowSums[c] += values[start + x];
                rowCounts[c]++;
            }

            int offset = cellRow * Width;
            for (int c = 0; c < Width; c++)
            {
                sums[offset + c] += rowSums[c];
                counts[offset + c] += rowCounts[c];
            }
        }

        var grid = new float[Width * Height];
        for (int i = 0; i < grid.Length; i++)
        {
            grid[i] = counts[i] > 0 ? (float)(sums[i] / counts[i]) : float.NaN;
        }

        // An image smaller than the grid leaves empty cells: they take their left (or upper) neighbour.
        for (int i = 0; i < grid.Length; i++)
        {
            if (float.IsNaN(grid[i]))
            {
                grid[i] = i % Width > 0 ? grid[i - 1] : i >= Width ? grid[i - Width] : 0;
            }
        }

        return grid;
    }

    private static void Normalise(float[] grid, bool monochrome1)
    {
        float[] sorted = (float[])grid.Clone();
        Array.Sort(sorted);
        float low = sorted[(int)(sorted.Length * 0.005)];
        float high = sorted[(int)(sorted.Length * 0.995)];
        float range = high > low ? high - low : 1;
        for (int i = 0; i < grid.Length; i++)
        {
            float v = Math.Clamp((grid[i] - low) / range, 0, 1);
            grid[i] = monochrome1 ? 1 - v : v;
        }
    }
}
