namespace ImageQuality.Samples.Mammography.Geometry;

/// <summary>
/// The pectoral muscle in the canonical frame. On MLO a wedge from the top edge down the chest wall, bounded by an
/// anterior border that bows forward (convex, the usual), lies straight, or bows back (concave, a fault); its edge
/// as the analysis measures it is the chord from the top of the border to its lowest end on the chest wall. On CC a
/// small dome at the chest wall, when seen at all.
/// </summary>
internal sealed class PectoralMuscle
{
    private PectoralMuscle(List<(double X, double Y)> outline, List<(double X, double Y)> renderOutline, (double X, double Y)? edgeTop, (double X, double Y)? edgeBottom, double bulge)
    {
        Outline = outline;
        RenderOutline = renderOutline;
        EdgeTop = edgeTop;
        EdgeBottom = edgeBottom;
        BulgeMm = bulge;
    }

    /// <summary>The muscle within the image (it may run past the image edges; clipping keeps the inside).</summary>
    public List<(double X, double Y)> Outline { get; }

    /// <summary>The muscle continued past the top edge and behind the chest wall, so rendering has no seam at the edges.</summary>
    public List<(double X, double Y)> RenderOutline { get; }

    /// <summary>MLO: the anterior border at the top edge.</summary>
    public (double X, double Y)? EdgeTop { get; }

    /// <summary>MLO: the border's lowest end, on the chest wall.</summary>
    public (double X, double Y)? EdgeBottom { get; }

    /// <summary>How far the middle of the border lies forward of the chord (negative: concave).</summary>
    public double BulgeMm { get; }

    /// <summary>
    /// The MLO wedge: a quadratic curve from (topWidth, 0) to (0, length) whose middle lies <paramref name="bulge"/>
    /// forward of the chord, with a slight ripple so the border is not a perfect curve.
    /// </summary>
    public static PectoralMuscle Wedge(double topWidth, double length, double bulge, double ripple, double ripplePhase, double margin)
    {
        (double X, double Y) top = (topWidth, 0), bottom = (0, length);
        double chord = Math.Sqrt((topWidth * topWidth) + (length * length));

        // Forward normal of the chord (toward the nipple and down).
        (double X, double Y) normal = (length / chord, topWidth / chord);
        (double X, double Y) control = (((top.X + bottom.X) / 2) + (2 * bulge * normal.X), ((top.Y + bottom.Y) / 2) + (2 * bulge * normal.Y));
        int steps = Math.Max(16, (int)(chord / 0.5));
        var border = new List<(double X, double Y)>(steps + 1);
        for (int i = 0; i <= steps; i++)
        {
            double t = (double)i / steps, u = 1 - t;
            double wave = ripple * Math.Sin(Math.PI * t) * Math.Sin((3 * Math.PI * t) + ripplePhase);
            border.Add(((u * u * top.X) + (2 * u * t * control.X) + (t * t * bottom.X) + (wave * normal.X), (u * u * top.Y) + (2 * u * t * control.Y) + (t * t * bottom.Y) + (wave * normal.Y)));
        }

        border[0] = top;
        border[^1] = bottom;
        List<(double X, double Y)> outline = [(0, 0), .. border];
        List<(double X, double Y)> render = [(-margin, -margin), (topWidth, -margin), .. border, (-margin, length)];
        return new PectoralMuscle(outline, render, top, bottom, bulge);
    }

    /// <summary>The CC sliver: a dome <paramref name="depth"/> deep at the chest wall, <paramref name="halfHeight"/> either side of <paramref name="centreY"/>.</summary>
    public static PectoralMuscle Sliver(double depth, double centreY, double halfHeight, double margin)
    {
        var dome = new List<(double X, double Y)>();
        for (double y = centreY - halfHeight; y <= centreY + halfHeight + 1e-9; y += 0.5)
        {
            double v = Math.Clamp((y - centreY) / halfHeight, -1, 1);
            dome.Add((depth * Math.Pow(1 - (v * v), 0.6), y));
        }

        List<(double X, double Y)> render = [.. dome, (-margin, centreY + halfHeight), (-margin, centreY - halfHeight)];
        return new PectoralMuscle(dome, render, null, null, 0);
    }
}
