using ImageQuality.Analysis.Mammography.Landmarks;

namespace ImageQuality.Analysis.Mammography.Positioning;

/// <summary>Grid masks and canonical millimetres back to stored-image pixels, for the JSON output and the overlay.</summary>
internal static class LandmarkGeometry
{
    private const int W = LandmarkModelInput.Width;
    private const int H = LandmarkModelInput.Height;

    /// <summary>A canonical point in millimetres (0 at the chest-wall and top edges) as a stored-image pixel position.</summary>
    public static (double X, double Y) ToImage((double X, double Y) mm, ModelTransform transform, BreastPlaneSpacing spacing)
    {
        double x = (mm.X / spacing.ColumnMm) - 0.5;
        double y = (mm.Y / spacing.RowMm) - 0.5;
        return (transform.Orientation.FlipColumns ? transform.ImageWidth - 1 - x : x, transform.Orientation.FlipRows ? transform.ImageHeight - 1 - y : y);
    }

    /// <summary>
    /// The outline of a mask attached to the chest wall: down its anterior border row by row (every
    /// <paramref name="step"/>-th row), then back up the chest wall. Masks of the breast and the muscle have this shape.
    /// </summary>
    public static IReadOnlyList<(double X, double Y)> ChestWallPolygon(bool[] mask, ModelTransform transform, int step = 2)
    {
        int[] right = GridMasks.RightmostPerRow(mask);
        int first = Array.FindIndex(right, r => r >= 0);
        int last = Array.FindLastIndex(right, r => r >= 0);
        if (first < 0)
        {
            return [];
        }

        var points = new List<(double, double)> { Grid(transform, -0.5, first - 0.5) };
        for (int y = first; y <= last; y += step)
        {
            points.Add(Grid(transform, Math.Max(right[y], 0) + 0.5, y));
        }

        points.Add(Grid(transform, Math.Max(right[last], 0) + 0.5, last + 0.5));
        points.Add(Grid(transform, -0.5, last + 0.5));
        return points;
    }

    /// <summary>A blob's outline by its extent per row (left border down, right border up); enough for the IMF region.</summary>
    public static IReadOnlyList<(double X, double Y)> RowSpanPolygon(bool[] mask, ModelTransform transform, int step = 2)
    {
        var left = new List<(double, double)>();
        var right = new List<(double, double)>();
        for (int y = 0; y < H; y += step)
        {
            int l = -1, r = -1;
            for (int x = 0; x < W; x++)
            {
                if (mask[(y * W) + x])
                {
                    l = l < 0 ? x : l;
                    r = x;
                }
            }

            if (l >= 0)
            {
                left.Add(Grid(transform, l - 0.5, y));
                right.Add(Grid(transform, r + 0.5, y));
            }
        }

        right.Reverse();
        left.AddRange(right);
        return left;
    }

    private static (double X, double Y) Grid(ModelTransform transform, double x, double y) => transform.ToImage(x, y);
}
