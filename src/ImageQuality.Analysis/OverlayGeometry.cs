namespace ImageQuality.Analysis;

/// <summary>Shapes to draw over an image, in pixel coordinates of its first frame (column x, row y).</summary>
public sealed record OverlayGeometry(IReadOnlyList<OverlayShape> Shapes);

/// <summary>A labelled point, polyline or closed polygon.</summary>
public sealed record OverlayShape(OverlayShapeKind Kind, IReadOnlyList<OverlayPoint> Points, string? Label = null);

/// <summary>A point in pixel coordinates.</summary>
public readonly record struct OverlayPoint(double X, double Y);

/// <summary>How the points of a shape are joined.</summary>
public enum OverlayShapeKind
{
    Point,
    Polyline,
    Polygon,
}
