using ImageQuality.Samples.Mammography.Geometry;

namespace ImageQuality.Samples.Tests.Mammography;

/// <summary>Point-in-polygon and distance to a polygon's boundary, for checking truth against itself.</summary>
internal static class PolygonMath
{
    public static bool Contains(IReadOnlyList<(double X, double Y)> polygon, double x, double y) => Polygon.Contains(polygon, x, y);

    public static double DistanceToBoundary(IReadOnlyList<(double X, double Y)> polygon, (double X, double Y) p)
    {
        double best = double.MaxValue;
        for (int i = 0, j = polygon.Count - 1; i < polygon.Count; j = i++)
        {
            var (ax, ay) = polygon[j];
            var (bx, by) = polygon[i];
            double vx = bx - ax, vy = by - ay;
            double t = Math.Clamp((((p.X - ax) * vx) + ((p.Y - ay) * vy)) / Math.Max(1e-12, (vx * vx) + (vy * vy)), 0, 1);
            double dx = p.X - (ax + (t * vx)), dy = p.Y - (ay + (t * vy));
            best = Math.Min(best, Math.Sqrt((dx * dx) + (dy * dy)));
        }

        return best;
    }

    /// <summary>Points of a regular grid (every <paramref name="step"/> pixels) inside the polygon.</summary>
    public static IEnumerable<(double X, double Y)> InteriorSamples(IReadOnlyList<(double X, double Y)> polygon, double step)
    {
        double minX = polygon.Min(p => p.X), maxX = polygon.Max(p => p.X), minY = polygon.Min(p => p.Y), maxY = polygon.Max(p => p.Y);
        for (double y = minY + (step / 2); y < maxY; y += step)
        {
            for (double x = minX + (step / 2); x < maxX; x += step)
            {
                if (Contains(polygon, x, y))
                {
                    yield return (x, y);
                }
            }
        }
    }
}
