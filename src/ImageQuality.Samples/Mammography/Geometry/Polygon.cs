namespace ImageQuality.Samples.Mammography.Geometry;

/// <summary>Closed polygons as vertex lists (the last vertex joins the first): clipping, containment and area.</summary>
internal static class Polygon
{
    /// <summary>Sutherland–Hodgman against an axis-aligned rectangle: the part of the polygon inside it.</summary>
    public static List<(double X, double Y)> ClipToRectangle(IReadOnlyList<(double X, double Y)> polygon, double left, double top, double right, double bottom)
    {
        List<(double X, double Y)> current = [.. polygon];
        current = ClipEdge(current, p => p.X >= left, (a, b) => AtX(a, b, left));
        current = ClipEdge(current, p => p.X <= right, (a, b) => AtX(a, b, right));
        current = ClipEdge(current, p => p.Y >= top, (a, b) => AtY(a, b, top));
        current = ClipEdge(current, p => p.Y <= bottom, (a, b) => AtY(a, b, bottom));
        return RemoveRepeats(current);
    }

    /// <summary>Even-odd rule: whether a point lies inside.</summary>
    public static bool Contains(IReadOnlyList<(double X, double Y)> polygon, double x, double y)
    {
        bool inside = false;
        for (int i = 0, j = polygon.Count - 1; i < polygon.Count; j = i++)
        {
            var (xi, yi) = polygon[i];
            var (xj, yj) = polygon[j];
            if ((yi > y) != (yj > y) && x < xj + ((xi - xj) * (y - yj) / (yi - yj)))
            {
                inside = !inside;
            }
        }

        return inside;
    }

    /// <summary>Area by the shoelace formula (positive whatever the winding).</summary>
    public static double Area(IReadOnlyList<(double X, double Y)> polygon)
    {
        double twice = 0;
        for (int i = 0, j = polygon.Count - 1; i < polygon.Count; j = i++)
        {
            twice += (polygon[j].X * polygon[i].Y) - (polygon[i].X * polygon[j].Y);
        }

        return Math.Abs(twice) / 2;
    }

    /// <summary>The length of the segment x = <paramref name="x"/>, y in [y0, y1], that lies inside (sampled every <paramref name="step"/>).</summary>
    public static double LengthInsideAlongX(IReadOnlyList<(double X, double Y)> polygon, double x, double y0, double y1, double step)
    {
        double length = 0;
        for (double y = y0 + (step / 2); y < y1; y += step)
        {
            length += Contains(polygon, x, y) ? step : 0;
        }

        return length;
    }

    /// <summary>The length of the segment y = <paramref name="y"/>, x in [x0, x1], that lies inside.</summary>
    public static double LengthInsideAlongY(IReadOnlyList<(double X, double Y)> polygon, double y, double x0, double x1, double step, Func<double, bool>? counted = null)
    {
        double length = 0;
        for (double x = x0 + (step / 2); x < x1; x += step)
        {
            length += Contains(polygon, x, y) && (counted?.Invoke(x) ?? true) ? step : 0;
        }

        return length;
    }

    private static List<(double X, double Y)> ClipEdge(List<(double X, double Y)> input, Func<(double X, double Y), bool> inside, Func<(double X, double Y), (double X, double Y), (double X, double Y)> cross)
    {
        var output = new List<(double X, double Y)>(input.Count + 4);
        for (int i = 0; i < input.Count; i++)
        {
            var current = input[i];
            var previous = input[(i + input.Count - 1) % input.Count];
            bool currentIn = inside(current), previousIn = inside(previous);
            if (currentIn)
            {
                if (!previousIn)
                {
                    output.Add(cross(previous, current));
                }

                output.Add(current);
            }
            else if (previousIn)
            {
                output.Add(cross(previous, current));
            }
        }

        return output;
    }

    private static (double X, double Y) AtX((double X, double Y) a, (double X, double Y) b, double x)
    {
        double t = (x - a.X) / (b.X - a.X);
        return (x, a.Y + (t * (b.Y - a.Y)));
    }

    private static (double X, double Y) AtY((double X, double Y) a, (double X, double Y) b, double y)
    {
        double t = (y - a.Y) / (b.Y - a.Y);
        return (a.X + (t * (b.X - a.X)), y);
    }

    private static List<(double X, double Y)> RemoveRepeats(List<(double X, double Y)> points)
    {
        var result = new List<(double X, double Y)>(points.Count);
        foreach (var p in points)
        {
            if (result.Count == 0 || Math.Abs(result[^1].X - p.X) > 1e-9 || Math.Abs(result[^1].Y - p.Y) > 1e-9)
            {
                result.Add(p);
            }
        }

        while (result.Count > 1 && Math.Abs(result[0].X - result[^1].X) < 1e-9 && Math.Abs(result[0].Y - result[^1].Y) < 1e-9)
        {
            result.RemoveAt(result.Count - 1);
        }

        return result;
    }
}
