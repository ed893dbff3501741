using SixLabors.ImageSharp.PixelFormats;

namespace ImageQuality.Analysis.Mammography.Positioning;

/// <summary>The landmarks as overlay shapes (stored-image pixels) for the feedback page and the overlay PNG.</summary>
public static class PositioningOverlay
{
    public const string BreastLabel = "breast";
    public const string PectoralLabel = "pectoral";
    public const string PectoralEdgeLabel = "pectoral edge";
    public const string ImfLabel = "IMF region";
    public const string NippleLabel = "nipple";
    public const string PnlLabel = "PNL";

    /// <summary>
    /// The colour of a shape: breast outline cyan, muscle yellow, its edge orange, PNL and nipple green, fold magenta;
    /// red where a criterion about that landmark failed, so the technologist sees at a glance what to change.
    /// </summary>
    public static Rgb24 Colour(OverlayShape shape, IReadOnlySet<string> failedCriteria)
    {
        var red = new Rgb24(255, 40, 40);
        string label = shape.Label ?? string.Empty;
        return label switch
        {
            _ when label.StartsWith(PnlLabel, StringComparison.Ordinal) => failedCriteria.Contains(PositioningCriteria.PectoralToPnl) ? red : new Rgb24(60, 220, 60),
            PectoralEdgeLabel => failedCriteria.Contains(PositioningCriteria.PectoralShape) || failedCriteria.Contains(PositioningCriteria.PectoralAngle) ? red : new Rgb24(255, 160, 0),
            PectoralLabel => failedCriteria.Contains(PositioningCriteria.PectoralWidth) ? red : new Rgb24(255, 230, 0),
            NippleLabel => failedCriteria.Contains(PositioningCriteria.NippleProfile) || failedCriteria.Contains(PositioningCriteria.NippleAngle) ? red : new Rgb24(60, 220, 60),
            ImfLabel => failedCriteria.Contains(PositioningCriteria.Imf) ? red : new Rgb24(230, 60, 230),
            _ => failedCriteria.Contains(PositioningCriteria.CutOff) ? red : new Rgb24(0, 200, 255),
        };
    }

    public static OverlayGeometry Geometry(PositioningAnalysis analysis)
    {
        ImageLandmarks l = analysis.Landmarks;
        var shapes = new List<OverlayShape>();
        Add(OverlayShapeKind.Polygon, l.BreastPolygon, BreastLabel);
        Add(OverlayShapeKind.Polygon, l.PectoralPolygon, PectoralLabel);
        Add(OverlayShapeKind.Polygon, l.ImfPolygon, ImfLabel);
        if (l.PectoralEdge is { } edge)
        {
            Add(OverlayShapeKind.Polyline, edge, PectoralEdgeLabel);
        }

        if (l.Pnl is { } pnl)
        {
            string label = analysis.Measures.PnlLengthMm is { } mm ? FormattableString.Invariant($"{PnlLabel} {mm:0} mm") : PnlLabel;
            Add(OverlayShapeKind.Polyline, pnl, label);
        }

        if (l.Nipple is { } n)
        {
            Add(OverlayShapeKind.Point, [n], NippleLabel);
        }

        return new OverlayGeometry(shapes);

        void Add(OverlayShapeKind kind, IReadOnlyList<(double X, double Y)> points, string label)
        {
            if (points.Count > 0)
            {
                shapes.Add(new OverlayShape(kind, points.Select(p => new OverlayPoint(Math.Round(p.X, 1), Math.Round(p.Y, 1))).ToList(), label));
            }
        }
    }
}
