using ImageQuality.Analysis.Mammography.Landmarks;

namespace ImageQuality.Analysis.Mammography.Positioning;

/// <summary>
/// Measures the positioning criteria from grid landmarks, in millimetres of the breast plane. The PNL follows the
/// published operational definition: from the nipple, perpendicular to the line along the muscle's anterior edge
/// (extended where needed); the muscle reaches the PNL when the foot lies on the drawn edge.
/// </summary>
public static class PositioningMeasurer
{
    private const int W = LandmarkModelInput.Width;
    private const int H = LandmarkModelInput.Height;

    public static PositioningMeasures Measure(GridLandmarks grid, ModelTransform transform, BreastPlaneSpacing spacing, string view)
    {
        var frame = new Frame(transform, spacing);
        bool mlo = view == "MLO";
        int[] skin = GridMasks.RightmostPerRow(grid.Breast);
        int[] muscle = GridMasks.RightmostPerRow(grid.Pectoral);
        (double X, double Y)? nipple = grid.Nipple is { } n ? frame.Point(n.X, n.Y) : null;
        Edge? edge = mlo ? FitEdge(muscle, frame) : null;

        double? pnl = null;
        (double, double)? foot = null;
        bool? reaches = null;
        double? shortfall = null;
        if (nipple is { } nip)
        {
            if (mlo && edge is { } e)
            {
                (pnl, foot, reaches, shortfall) = MloPnl(nip, e);
            }
            else if (!mlo)
            {
                // CC: perpendicular to the chest wall, ending at the muscle where it is seen in the nipple's row.
                int row = Math.Clamp((int)Math.Round(grid.Nipple!.Value.Y), 0, H - 1);
                double wall = muscle[row] >= 0 ? frame.EdgeX(muscle[row]) : 0;
                pnl = nip.X - wall;
                foot = (wall, nip.Y);
            }
        }

        double cellArea = frame.CellWidthMm * frame.CellHeightMm;
        int breastCells = 0;
        for (int i = 0; i < grid.Breast.Length; i++)
        {
            breastCells += grid.Breast[i] && !grid.Pectoral[i] ? 1 : 0;
        }

        return new PositioningMeasures
        {
            View = view,
            PnlLengthMm = pnl,
            PnlFootMm = foot,
            PectoralReachesPnl = reaches,
            PectoralShortfallMm = shortfall,
            PectoralAngleDegrees = edge?.AngleDegrees,
            PectoralTopWidthMm = edge?.Top.X,
            PectoralLengthMm = edge?.Bottom.Y,
            PectoralShape = edge?.Shape,
            PectoralBulgeMm = edge?.BulgeMm,
            PectoralEdgeMm = edge is { } ed ? (ed.Top, ed.Bottom) : null,
            PectoralVisible = mlo ? null : GridMasks.Count(grid.Pectoral) * cellArea >= 50,
            NippleMm = nipple,
            NippleInProfileProbability = double.IsNaN(grid.NippleInProfileProbability) ? null : grid.NippleInProfileProbability,
            NippleAngleDegrees = !mlo && nipple is { } cn ? NippleAngle(skin, cn, frame) : null,
            ImfAreaMm2 = mlo && grid.ImfAssessed ? GridMasks.Count(grid.Imf) * cellArea : null,
            CutOffLengthMm = CutOff(grid, mlo, frame),
            BreastAreaMm2 = breastCells * cellArea,
            NippleConfidence = grid.NippleConfidence,
            SegmentationConfidence = grid.SegmentationConfidence,
        };
    }

    private static (double Length, (double, double) Foot, bool Reaches, double Shortfall) MloPnl((double X, double Y) nipple, Edge edge)
    {
        // Unit direction of the edge, top to bottom.
        double dx = edge.Bottom.X - edge.Top.X, dy = edge.Bottom.Y - edge.Top.Y;
        double length = Math.Sqrt((dx * dx) + (dy * dy));
        dx /= length;
        dy /= length;
        double along = ((nipple.X - edge.Top.X) * dx) + ((nipple.Y - edge.Top.Y) * dy);
        (double X, double Y) foot = (edge.Top.X + (along * dx), edge.Top.Y + (along * dy));
        double pnl = Math.Sqrt(((nipple.X - foot.X) * (nipple.X - foot.X)) + ((nipple.Y - foot.Y) * (nipple.Y - foot.Y)));

        // Where the extended edge leaves the image at the chest wall before the foot, the PNL ends at the image edge.
        if (foot.X < 0 && nipple.X > 0)
        {
            double t = nipple.X / (nipple.X - foot.X);
            foot = (0, nipple.Y + (t * (foot.Y - nipple.Y)));
            pnl *= t;
        }

        double shortfall = Math.Max(0, along - length);
        return (pnl, foot, shortfall == 0, shortfall);
    }

    /// <summary>
    /// The muscle's anterior border as a least-squares line x = a + b·y through the border points of its rows (the
    /// thin ends excluded), from the top of the image down to where the muscle ends or the line meets the chest wall.
    /// </summary>
    private static Edge? FitEdge(int[] muscle, Frame frame)
    {
        int first = Array.FindIndex(muscle, r => r >= 0);
        if (first < 0)
        {
            return null;
        }

        int last = first;
        while (last + 1 < H && muscle[last + 1] >= 0)
        {
            last++;
        }

        if (last - first < 4)
        {
            return null;
        }

        int skip = Math.Max(1, (last - first) / 20);
        double n = 0, sy = 0, sx = 0, syy = 0, sxy = 0;
        for (int r = first + skip; r <= last - skip; r++)
        {
            double y = frame.RowY(r), x = frame.EdgeX(muscle[r]);
            n++;
            sy += y;
            sx += x;
            syy += y * y;
            sxy += x * y;
        }

        double det = (n * syy) - (sy * sy);
        if (n < 3 || det <= 0)
        {
            return null;
        }

        double b = ((n * sxy) - (sy * sx)) / det;
        double a = (sx - (b * sy)) / n;
        double yTop = frame.RowY(0) - (frame.CellHeightMm / 2);
        double yEnd = frame.RowY(last) + (frame.CellHeightMm / 2);
        if (b < 0)
        {
            yEnd = Math.Min(yEnd, -a / b);
        }

        (double X, double Y) top = (a + (b * yTop), yTop);
        (double X, double Y) bottom = (Math.Max(0, a + (b * yEnd)), yEnd);

        // Bulge: the border's middle against the chord between its own first and last rows (the fitted line
        // would lean toward the bulge and hide half of it).
        int mid = (first + last) / 2;
        double x0 = frame.EdgeX(muscle[first + skip]), y0 = frame.RowY(first + skip);
        double x1 = frame.EdgeX(muscle[last - skip]), y1 = frame.RowY(last - skip);
        double chordX = x0 + ((x1 - x0) * (frame.RowY(mid) - y0) / Math.Max(1e-9, y1 - y0));
        double bulge = frame.EdgeX(muscle[mid]) - chordX;
        double tolerance = Math.Max(2, 0.03 * (bottom.Y - top.Y));
        PectoralShape shape = bulge > tolerance ? PectoralShape.Convex : bulge < -tolerance ? PectoralShape.Concave : PectoralShape.Straight;
        double angle = Math.Atan2(Math.Abs(top.X - bottom.X), bottom.Y - top.Y) * 180 / Math.PI;
        return new Edge(top, bottom, angle, shape, bulge);
    }

    private static double? NippleAngle(int[] skin, (double X, double Y) nipple, Frame frame)
    {
        // The base of the breast on the chest wall: rows whose tissue starts at column 0.
        int top = Array.FindIndex(skin, r => r >= 0);
        int bottom = Array.FindLastIndex(skin, r => r >= 0);
        if (top < 0 || nipple.X <= 0)
        {
            return null;
        }

        double baseMid = (frame.RowY(top) + frame.RowY(bottom)) / 2;
        return Math.Atan2(nipple.Y - baseMid, nipple.X) * 180 / Math.PI;
    }

    /// <summary>
    /// Edge cells of the breast outside the muscle and the abdomen: the anterior column always, the top row beyond
    /// the axilla (on MLO the whole top edge is the axilla and the muscle, imaged on purpose), the bottom row.
    /// </summary>
    private static double CutOff(GridLandmarks grid, bool mlo, Frame frame)
    {
        int axilla = mlo ? W : 0;
        // On MLO the abdomen meets the bottom edge near the chest wall; where the fold was not looked for, that third is left out.
        int abdomen = mlo && !grid.ImfAssessed ? W / 3 : 0;
        double length = 0;
        for (int y = 0; y < H; y++)
        {
            int i = (y * W) + W - 1;
            length += grid.Breast[i] && !grid.Imf[i] ? frame.CellHeightMm : 0;
        }

        for (int x = 0; x < W - 1; x++)
        {
            int top = x;
            int bottom = ((H - 1) * W) + x;
            length += grid.Breast[top] && !grid.Pectoral[top] && x > axilla ? frame.CellWidthMm : 0;
            length += grid.Breast[bottom] && !grid.Imf[bottom] && !grid.Pectoral[bottom] && x > abdomen ? frame.CellWidthMm : 0;
        }

        return length;
    }

    private sealed record Edge((double X, double Y) Top, (double X, double Y) Bottom, double AngleDegrees, PectoralShape Shape, double BulgeMm);

    /// <summary>Grid positions to millimetres in the canonical frame.</summary>
    private sealed class Frame(ModelTransform transform, BreastPlaneSpacing spacing)
    {
        public double CellWidthMm { get; } = transform.ScaleX * spacing.ColumnMm;

        public double CellHeightMm { get; } = transform.ScaleY * spacing.RowMm;

        public (double X, double Y) Point(double gridX, double gridY) => (ColumnX(gridX), RowY(gridY));

        /// <summary>The centre of a grid column, in mm from the chest-wall edge of the image.</summary>
        public double ColumnX(double gridX) => (gridX + 0.5) * CellWidthMm;

        public double RowY(double gridY) => (gridY + 0.5) * CellHeightMm;

        /// <summary>The anterior side of a mask's last cell in a row.</summary>
        public double EdgeX(int lastCell) => (lastCell + 1) * CellWidthMm;
    }
}
