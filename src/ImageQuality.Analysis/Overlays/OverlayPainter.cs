using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageQuality.Analysis.Overlays;

/// <summary>
/// Draws overlay shapes onto a rendered image (no text: the feedback page labels them). Lines are drawn with a
/// square pen, polygons as outlines, points as rings. The shapes are in stored-image pixels; <paramref name="scale"/>
/// maps them onto a rendered (usually downscaled) picture.
/// </summary>
public static class OverlayPainter
{
    public static Image<Rgb24> Paint(Image rendered, OverlayGeometry geometry, double scale, Func<OverlayShape, Rgb24> colour)
    {
        Image<Rgb24> canvas = rendered.CloneAs<Rgb24>();
        int pen = Math.Max(1, (int)Math.Round(Math.Max(canvas.Width, canvas.Height) / 400.0));
        foreach (OverlayShape shape in geometry.Shapes)
        {
            Rgb24 c = colour(shape);
            var points = shape.Points.Select(p => (X: p.X * scale, Y: p.Y * scale)).ToList();
            switch (shape.Kind)
            {
                case OverlayShapeKind.Point:
                    foreach (var p in points)
                    {
                        Ring(canvas, p.X, p.Y, 4 * pen, c, pen);
                    }

                    break;
                case OverlayShapeKind.Polyline:
                case OverlayShapeKind.Polygon:
                    for (int i = 1; i < points.Count; i++)
                    {
                        Line(canvas, points[i - 1].X, points[i - 1].Y, points[i].X, points[i].Y, c, pen);
                    }

                    if (shape.Kind == OverlayShapeKind.Polygon && points.Count > 2)
                    {
                        Line(canvas, points[^1].X, points[^1].Y, points[0].X, points[0].Y, c, pen);
                    }

                    break;
            }
        }

        return canvas;
    }

    private static void Line(Image<Rgb24> canvas, double x0, double y0, double x1, double y1, Rgb24 c, int pen)
    {
        double length = Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0));
        int steps = Math.Max(1, (int)Math.Ceiling(length));
        for (int s = 0; s <= steps; s++)
        {
            double t = (double)s / steps;
            Dot(canvas, x0 + ((x1 - x0) * t), y0 + ((y1 - y0) * t), c, pen);
        }
    }

    private static void Ring(Image<Rgb24> canvas, double cx, double cy, double radius, Rgb24 c, int pen)
    {
        int steps = Math.Max(16, (int)(radius * 8));
        for (int s = 0; s < steps; s++)
        {
            double a = 2 * Math.PI * s / steps;
            Dot(canvas, cx + (radius * Math.Cos(a)), cy + (radius * Math.Sin(a)), c, pen);
        }
    }

    private static void Dot(Image<Rgb24> canvas, double x, double y, Rgb24 c, int pen)
    {
        int half = pen / 2;
        int px = (int)Math.Round(x), py = (int)Math.Round(y);
        for (int dy = -half; dy <= half; dy++)
        {
            for (int dx = -half; dx <= half; dx++)
            {
                int xx = px + dx, yy = py + dy;
                if (xx >= 0 && yy >= 0 && xx < canvas.Width && yy < canvas.Height)
                {
                    canvas[xx, yy] = c;
                }
            }
        }
    }
}
