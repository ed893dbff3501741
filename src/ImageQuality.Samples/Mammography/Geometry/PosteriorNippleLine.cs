namespace ImageQuality.Samples.Mammography.Geometry;

/// <summary>
/// The posterior nipple line by the published operational definition, in the canonical frame (mm): on MLO from the
/// nipple perpendicular to the line through the muscle's anterior edge (extended where needed, and ending at the
/// chest-wall edge if that comes first); the muscle reaches the PNL when the foot lies on the drawn edge, else it is
/// short by the distance along the edge. On CC from the nipple perpendicular to the chest wall, or to the muscle
/// where it is seen in the nipple's row. The same rules as the analysis, so truth and measure compare directly.
/// </summary>
internal static class PosteriorNippleLine
{
    public static PnlResult Mlo((double X, double Y) nipple, (double X, double Y) top, (double X, double Y) bottom)
    {
        double dx = bottom.X - top.X, dy = bottom.Y - top.Y;
        double length = Math.Sqrt((dx * dx) + (dy * dy));
        dx /= length;
        dy /= length;
        double along = ((nipple.X - top.X) * dx) + ((nipple.Y - top.Y) * dy);
        (double X, double Y) foot = (top.X + (along * dx), top.Y + (along * dy));
        double pnl = Distance(nipple, foot);
        if (foot.X < 0 && nipple.X > 0)
        {
            double t = nipple.X / (nipple.X - foot.X);
            foot = (0, nipple.Y + (t * (foot.Y - nipple.Y)));
            pnl *= t;
        }

        double shortfall = Math.Max(0, along - length);
        return new PnlResult(pnl, foot, shortfall == 0, shortfall);
    }

    public static PnlResult Cc((double X, double Y) nipple, double wallX) =>
        new(nipple.X - wallX, (wallX, nipple.Y), null, null);

    private static double Distance((double X, double Y) a, (double X, double Y) b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}

/// <param name="LengthMm">From the nipple to the foot.</param>
/// <param name="Foot">Where the PNL ends (canonical mm).</param>
/// <param name="Reaches">MLO: the foot lies on the muscle edge.</param>
/// <param name="ShortfallMm">MLO: how far along the edge the muscle stops short of the foot.</param>
internal sealed record PnlResult(double LengthMm, (double X, double Y) Foot, bool? Reaches, double? ShortfallMm)
{
    public double Shortfall => ShortfallMm ?? 0;
}
