using ImageQuality.Samples.Mammography.Geometry;

namespace ImageQuality.Samples.Mammography.Truth;

/// <summary>
/// Reads the truth off the geometry the image was rendered from: the outlines clipped to the image, the landmarks,
/// and the measures by the analysis's rules, all moved into stored-image pixels. The fault list says what the image
/// shows: a requested fault the geometry could not produce is left out, and one the layout produced is added.
/// </summary>
internal static class GroundTruthBuilder
{
    private const double Step = 0.5;

    public static MammogramGroundTruth Build(BreastAnatomy anatomy, SyntheticMammogramSpec spec, StoredFrame frame, IReadOnlyList<string> patientOrientation)
    {
        bool mlo = anatomy.View == ViewPosition.MLO;
        var breast = anatomy.BreastInImage();
        var muscle = anatomy.PectoralInImage();
        var abdomen = anatomy.AbdomenInImage();
        double w = anatomy.WidthMm, h = anatomy.HeightMm;

        PnlResult? pnl = null;
        if (anatomy.Nipple is { } nipple)
        {
            if (mlo && anatomy.Pectoral is { EdgeTop: { } top, EdgeBottom: { } bottom })
            {
                pnl = PosteriorNippleLine.Mlo(nipple, top, bottom);
            }
            else if (!mlo)
            {
                pnl = PosteriorNippleLine.Cc(nipple, MuscleDepthAt(muscle, nipple.Y));
            }
        }

        double muscleArea = muscle.Count > 2 ? Polygon.Area(muscle) : 0;
        double cutOff = CutOffLength(breast, muscle, w, h, mlo);
        double imfArea = abdomen.Count > 2 ? Polygon.Area(abdomen) : 0;
        var measures = new TruthMeasures
        {
            PnlLengthMm = pnl?.LengthMm,
            PnlFoot = pnl is null ? null : frame.ToPixel(pnl.Foot),
            PectoralReachesPnl = pnl?.Reaches,
            PectoralShortfallMm = pnl?.ShortfallMm,
            PectoralAngleDegrees = mlo && anatomy.Pectoral is { EdgeTop: { } t, EdgeBottom: { } b } ? Math.Atan2(Math.Abs(t.X - b.X), b.Y - t.Y) * 180 / Math.PI : null,
            PectoralTopWidthMm = mlo ? anatomy.Pectoral?.EdgeTop?.X : null,
            PectoralBulgeMm = mlo ? anatomy.Pectoral?.BulgeMm : null,
            PectoralVisible = mlo ? null : muscleArea >= 50,
            NippleAngleDegrees = !mlo && anatomy.Nipple is { } n ? NippleAngle(breast, n, h) : null,
            CutOff = cutOff >= 1,
            CutOffLengthMm = cutOff,
            ImfVisible = mlo ? imfArea >= 25 : null,
            ImfAreaMm2 = mlo ? imfArea : null,
            BreastAreaMm2 = Polygon.Area(breast) - muscleArea,
            CompressedThicknessMm = spec.CompressedThicknessMm,
        };

        return new MammogramGroundTruth
        {
            View = anatomy.View.ToString(),
            Laterality = spec.ImageLaterality.ToString(),
            Columns = frame.Columns,
            Rows = frame.Rows,
            PixelSpacingMm = (frame.SpacingMm, frame.SpacingMm),
            ChestWallSide = frame.FlipColumns ? "right" : "left",
            PatientOrientation = patientOrientation,
            BreastPolygon = frame.ToPixels(breast),
            PectoralPolygon = frame.ToPixels(muscle),
            PectoralEdge = mlo && anatomy.Pectoral is { EdgeTop: { } et, EdgeBottom: { } eb } ? [frame.ToPixel(et), frame.ToPixel(eb)] : null,
            Nipple = anatomy.Nipple is { } np ? frame.ToPixel(np) : null,
            NippleInProfile = anatomy.NippleInProfile,
            ImfPolygon = frame.ToPixels(abdomen),
            Faults = Faults(spec, measures, mlo),
            Measures = measures,
            Source = $"synthetic:{spec.Seed}",
        };
    }

    private static List<string> Faults(SyntheticMammogramSpec spec, TruthMeasures measures, bool mlo)
    {
        var shown = new List<PositioningFault>();
        foreach (PositioningFault fault in Enum.GetValues<PositioningFault>())
        {
            bool present = fault switch
            {
                PositioningFault.PectoralShort => measures.PectoralReachesPnl == false,
                PositioningFault.CutOff => measures.CutOff,
                PositioningFault.ImfNotShown => mlo && measures.ImfVisible == false,
                _ => spec.Has(fault),
            };
            if (present)
            {
                shown.Add(fault);
            }
        }

        return [.. shown.Select(f => f.Name())];
    }

    /// <summary>CC: how far the muscle reaches into the nipple's row (0 where it is not seen there).</summary>
    private static double MuscleDepthAt(List<(double X, double Y)> muscle, double y)
    {
        if (muscle.Count < 3)
        {
            return 0;
        }

        double x = 0;
        while (Polygon.Contains(muscle, x + 0.05, y))
        {
            x += 0.05;
        }

        return x;
    }

    /// <summary>Edge length touched by breast tissue: the anterior edge, the bottom edge, and on CC the top edge (not the muscle).</summary>
    private static double CutOffLength(List<(double X, double Y)> breast, List<(double X, double Y)> muscle, double w, double h, bool mlo)
    {
        const double inset = 0.01;
        bool NotMuscle(double x, double y) => muscle.Count < 3 || !Polygon.Contains(muscle, x, y);
        double length = Polygon.LengthInsideAlongX(breast, w - inset, 0, h, Step);
        length += Polygon.LengthInsideAlongY(breast, h - inset, 0, w, Step, x => NotMuscle(x, h - inset));
        if (!mlo)
        {
            length += Polygon.LengthInsideAlongY(breast, inset, 0, w, Step, x => NotMuscle(x, inset));
        }

        return length;
    }

    /// <summary>The analysis's CC nipple angle: against the middle of the rows where the breast meets the chest wall.</summary>
    private static double? NippleAngle(List<(double X, double Y)> breast, (double X, double Y) nipple, double h)
    {
        double top = double.NaN, bottom = double.NaN;
        for (double y = Step / 2; y < h; y += Step)
        {
            if (Polygon.Contains(breast, 0.01, y))
            {
                top = double.IsNaN(top) ? y : top;
                bottom = y;
            }
        }

        if (double.IsNaN(top) || nipple.X <= 0)
        {
            return null;
        }

        return Math.Atan2(nipple.Y - ((top + bottom) / 2), nipple.X) * 180 / Math.PI;
    }
}
