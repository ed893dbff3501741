using System.Globalization;

namespace ImageQuality.Analysis.Mammography.Positioning;

/// <summary>
/// Judges one image's measures against the thresholds: one finding per criterion that applies to the view, with
/// the value, the limit and a sentence a technologist can act on between patients.
/// </summary>
public static class PositioningJudge
{
    public static IReadOnlyList<Finding> Judge(PositioningAnalysis a, PositioningOptions o)
    {
        PositioningMeasures m = a.Measures;
        string uid = a.SopInstanceUid;
        double confidence = Math.Round(Math.Min(m.SegmentationConfidence, Math.Max(m.NippleConfidence, 0)), 3);
        bool nippleKnown = m.NippleMm is not null && m.NippleConfidence >= o.MinNippleConfidence;
        var findings = new List<Finding>();

        if (a.View == "MLO")
        {
            findings.Add(PectoralToPnl(m, nippleKnown, confidence, uid, o));
            findings.Add(Range(PositioningCriteria.PectoralWidth, m.PectoralTopWidthMm, o.MinPectoralTopWidthMm, double.PositiveInfinity, "mm", confidence, uid,
                v => F($"Pectoral muscle {v:0} mm wide at the axilla"),
                v => F($"Pectoral muscle only {v:0} mm wide at the axilla: bring the axilla and the muscle fully onto the receptor, relax the shoulder")));
            findings.Add(Range(PositioningCriteria.PectoralAngle, m.PectoralAngleDegrees, o.MinPectoralAngleDegrees, o.MaxPectoralAngleDegrees, "deg", confidence, uid,
                v => F($"Pectoral edge at {v:0}° from vertical"),
                v => v < o.MinPectoralAngleDegrees
                    ? F($"Pectoral edge at {v:0}° from vertical, steeper than {o.MinPectoralAngleDegrees:0}°: the muscle is not pulled into the image; check the C-arm angle suits the patient")
                    : F($"Pectoral edge at {v:0}° from vertical, flatter than {o.MaxPectoralAngleDegrees:0}°: check the C-arm angle suits the patient's habitus")));
            findings.Add(Shape(m, confidence, uid));
            findings.Add(ImfFinding(m, confidence, uid, o));
        }
        else
        {
            findings.Add(m.PectoralVisible is true
                ? new Finding(PositioningCriteria.PectoralVisibleCc, FindingOutcome.Pass, "Pectoral muscle seen at the chest wall", Confidence: confidence, SopInstanceUid: uid)
                : new Finding(PositioningCriteria.PectoralVisibleCc, FindingOutcome.NotAssessable, "Pectoral muscle not seen on the CC (seen in about a third of CC images; good, not required)", Confidence: confidence, SopInstanceUid: uid));
            findings.Add(!nippleKnown || m.NippleAngleDegrees is null
                ? new Finding(PositioningCriteria.NippleAngle, FindingOutcome.NotAssessable, "Nipple not found: its direction cannot be judged", Unit: "deg", SopInstanceUid: uid)
                : Range(PositioningCriteria.NippleAngle, Math.Abs(m.NippleAngleDegrees.Value), 0, o.MaxNippleAngleDegrees, "deg", confidence, uid,
                    v => F($"Nipple {v:0}° off the PNL direction"),
                    v => F($"Nipple points {v:0}° off the PNL direction (limit {o.MaxNippleAngleDegrees:0}°): the breast is rotated (exaggerated); centre the nipple")));
        }

        findings.Add(NippleProfile(m, nippleKnown, uid));
        findings.Add(m.CutOffLengthMm <= o.MaxCutOffMm
            ? new Finding(PositioningCriteria.CutOff, FindingOutcome.Pass, "No breast tissue cut off at the image edges", Math.Round(m.CutOffLengthMm, 1), "mm", F($"≤ {o.MaxCutOffMm:0} mm"), confidence, uid)
            : new Finding(PositioningCriteria.CutOff, FindingOutcome.Fail, F($"Breast tissue touches the image edge over {m.CutOffLengthMm:0} mm: tissue may be cut off; centre the breast on the receptor"), Math.Round(m.CutOffLengthMm, 1), "mm", F($"≤ {o.MaxCutOffMm:0} mm"), confidence, uid));
        findings.Add(Pressure(a, confidence, uid, o));
        return findings;
    }

    private static Finding PectoralToPnl(PositioningMeasures m, bool nippleKnown, double confidence, string uid, PositioningOptions o)
    {
        const string id = PositioningCriteria.PectoralToPnl;
        if (m.PectoralEdgeMm is null)
        {
            return new Finding(id, FindingOutcome.Fail, "No pectoral muscle found on the MLO: include the muscle down to the level of the nipple", Unit: "mm", Threshold: "reaches the PNL", Confidence: confidence, SopInstanceUid: uid);
        }

        if (!nippleKnown || m.PectoralShortfallMm is not { } shortfall)
        {
            return new Finding(id, FindingOutcome.NotAssessable, "Nipple not found: the PNL cannot be drawn", Unit: "mm", Threshold: "reaches the PNL", SopInstanceUid: uid);
        }

        return shortfall <= 0
            ? new Finding(id, FindingOutcome.Pass, F($"Pectoral muscle reaches the PNL ({m.PnlLengthMm:0} mm)"), 0, "mm", "reaches the PNL", confidence, uid)
            : new Finding(id, FindingOutcome.Fail, F($"Pectoral muscle ends {shortfall:0} mm above the PNL: lift the breast up and out, bring more of the axilla and muscle in"), Math.Round(shortfall, 1), "mm", "reaches the PNL", confidence, uid);
    }

    private static Finding Shape(PositioningMeasures m, double confidence, string uid) => m.PectoralShape switch
    {
        null => new Finding(PositioningCriteria.PectoralShape, FindingOutcome.NotAssessable, "No pectoral edge to judge", SopInstanceUid: uid),
        PectoralShape.Concave => new Finding(PositioningCriteria.PectoralShape, FindingOutcome.Fail, F($"Pectoral border concave ({m.PectoralBulgeMm:0.0} mm): the shoulder is tense; relax it and turn the patient's hip toward the unit"), m.PectoralBulgeMm, "mm", "straight or convex", confidence, uid),
        var s => new Finding(PositioningCriteria.PectoralShape, FindingOutcome.Pass, $"Pectoral border {s.ToString()!.ToLowerInvariant()}", m.PectoralBulgeMm, "mm", "straight or convex", confidence, uid),
    };

    private static Finding ImfFinding(PositioningMeasures m, double confidence, string uid, PositioningOptions o)
    {
        if (m.ImfAreaMm2 is not { } area)
        {
            return new Finding(PositioningCriteria.Imf, FindingOutcome.NotAssessable, "The fold cannot be assessed without the landmark model", Unit: "mm2", SopInstanceUid: uid);
        }

        return area >= o.MinImfAreaMm2
            ? new Finding(PositioningCriteria.Imf, FindingOutcome.Pass, "Inframammary fold shown", Math.Round(area), "mm2", F($"≥ {o.MinImfAreaMm2:0} mm²"), confidence, uid)
            : new Finding(PositioningCriteria.Imf, FindingOutcome.Fail, "Inframammary fold not shown: lift the breast up and out and open the fold onto the receptor", Math.Round(area), "mm2", F($"≥ {o.MinImfAreaMm2:0} mm²"), confidence, uid);
    }

    private static Finding NippleProfile(PositioningMeasures m, bool nippleKnown, string uid)
    {
        const string id = PositioningCriteria.NippleProfile;
        if (m.NippleInProfileProbability is not { } p || !nippleKnown)
        {
            return new Finding(id, FindingOutcome.NotAssessable, nippleKnown ? "Whether the nipple is in profile cannot be told without the landmark model" : "Nipple not found", SopInstanceUid: uid);
        }

        return p >= 0.5
            ? new Finding(id, FindingOutcome.Pass, "Nipple in profile", Math.Round(p, 3), "probability", "in profile", Math.Round(p, 3), uid)
            : new Finding(id, FindingOutcome.Fail, "Nipple not in profile: it projects over the breast; roll the breast so the nipple points forward", Math.Round(p, 3), "probability", "in profile", Math.Round(1 - p, 3), uid);
    }

    private static Finding Pressure(PositioningAnalysis a, double confidence, string uid, PositioningOptions o)
    {
        string threshold = F($"{o.MinPressureKpa:0}–{o.MaxPressureKpa:0} kPa");
        if (a.CompressionForceNewtons is not { } force || a.Measures.BreastAreaMm2 < 1000)
        {
            return new Finding(PositioningCriteria.Pressure, FindingOutcome.NotAssessable, a.CompressionForceNewtons is null ? "CompressionForce is not recorded: pressure cannot be computed" : "Breast area too small to compute the pressure", Unit: "kPa", Threshold: threshold, SopInstanceUid: uid);
        }

        // The projected breast area stands in for the paddle contact area, which units seldom record.
        double kpa = force / a.Measures.BreastAreaMm2 * 1000;
        return Range(PositioningCriteria.Pressure, kpa, o.MinPressureKpa, o.MaxPressureKpa, "kPa", confidence, uid,
            v => F($"Compression pressure {v:0.0} kPa ({force:0} N over {a.Measures.BreastAreaMm2 / 100:0} cm²)"),
            v => v < o.MinPressureKpa
                ? F($"Compression pressure {v:0.0} kPa is low ({force:0} N over {a.Measures.BreastAreaMm2 / 100:0} cm²): firmer compression spreads tissue and reduces blur and dose")
                : F($"Compression pressure {v:0.0} kPa is high ({force:0} N over {a.Measures.BreastAreaMm2 / 100:0} cm²): check the patient's comfort"));
    }

    private static Finding Range(string id, double? value, double min, double max, string unit, double confidence, string uid, Func<double, string> pass, Func<double, string> fail)
    {
        string threshold = double.IsPositiveInfinity(max) ? F($"≥ {min:0}") : min <= 0 ? F($"≤ {max:0}") : F($"{min:0}–{max:0}");
        if (value is not { } v)
        {
            return new Finding(id, FindingOutcome.NotAssessable, "Not measurable on this image: landmark not found", Unit: unit, Threshold: threshold, SopInstanceUid: uid);
        }

        bool ok = v >= min && v <= max;
        return new Finding(id, ok ? FindingOutcome.Pass : FindingOutcome.Fail, ok ? pass(v) : fail(v), Math.Round(v, 1), unit, threshold, confidence, uid);
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
