using ImageQuality.Samples.Mammography.Geometry;

namespace ImageQuality.Samples.Mammography.Rendering;

/// <summary>
/// Paints blood vessels onto the working grid: thin tubes that wind from the chest wall toward the nipple region,
/// as projected path length through a cylinder (deepest at the axis, zero at its wall), narrowing toward the end.
/// Stamped along each path, so the cost is the vessels' length, not the grid's size.
/// </summary>
internal static class VesselPainter
{
    /// <summary>Path length through vessels at each cell (mm).</summary>
    public static float[] Paint(IReadOnlyList<Vessel> vessels, WorkingGrid grid)
    {
        var path = new float[grid.Count];
        double step = grid.Spacing / 3;
        foreach (Vessel vessel in vessels)
        {
            for (int i = 0; i + 1 < vessel.Points.Count; i++)
            {
                var (ax, ay) = vessel.Points[i];
                var (bx, by) = vessel.Points[i + 1];
                double length = Math.Sqrt(((bx - ax) * (bx - ax)) + ((by - ay) * (by - ay)));
                int stamps = Math.Max(1, (int)(length / step));
                for (int k = 0; k < stamps; k++)
                {
                    double t = (double)k / stamps;
                    Stamp(path, grid, ax + (t * (bx - ax)), ay + (t * (by - ay)), vessel.Radius * (1 - (0.5 * (i + t) / vessel.Points.Count)));
                }
            }
        }

        return path;
    }

    /// <summary>The chord through a disc at each cell, kept where larger (stamps overlap along the path; a tube is not their sum).</summary>
    private static void Stamp(float[] path, WorkingGrid grid, double x, double y, double radius)
    {
        double reach = radius + grid.Spacing;
        (double u0, double v0) = grid.ToCell(x - reach, y - reach);
        (double u1, double v1) = grid.ToCell(x + reach, y + reach);
        for (int row = Math.Max(0, (int)Math.Floor(v0)); row <= Math.Min(grid.Rows - 1, (int)Math.Ceiling(v1)); row++)
        {
            double dy = grid.Y(row) - y;
            for (int column = Math.Max(0, (int)Math.Floor(u0)); column <= Math.Min(grid.Columns - 1, (int)Math.Ceiling(u1)); column++)
            {
                double dx = grid.X(column) - x;
                double r2 = (dx * dx) + (dy * dy);
                double soft = radius + (grid.Spacing / 2);
                if (r2 < soft * soft)
                {
                    double chord = 2 * Math.Sqrt((soft * soft) - r2);
                    path[(row * grid.Columns) + column] = (float)Math.Max(path[(row * grid.Columns) + column], chord * Math.Min(1, radius / soft));
                }
            }
        }
    }
}
