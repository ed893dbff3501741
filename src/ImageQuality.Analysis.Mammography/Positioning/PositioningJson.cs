using System.Text.Json;

namespace ImageQuality.Analysis.Mammography.Positioning;

/// <summary>
/// The JSON shape of <c>iq analyze --json</c> (documented in README.md): one object per image with its findings,
/// measures and landmarks in stored-image pixels (x = column, y = row), and one per study with the exam findings.
/// </summary>
public static class PositioningJson
{
    public static void WriteImage(Utf8JsonWriter w, string file, string sopInstanceUid, string? studyInstanceUid, IReadOnlyList<Finding> findings, PositioningAnalysis? analysis)
    {
        w.WriteStartObject();
        w.WriteString("file", file);
        w.WriteString("sopInstanceUid", sopInstanceUid);
        w.WriteString("studyInstanceUid", studyInstanceUid);
        if (analysis is not null)
        {
            w.WriteString("view", analysis.View);
            w.WriteString("laterality", analysis.Laterality);
            w.WriteNumber("columns", analysis.Columns);
            w.WriteNumber("rows", analysis.Rows);
            w.WriteStartObject("pixelSpacingMm");
            w.WriteNumber("row", analysis.Spacing.RowMm);
            w.WriteNumber("column", analysis.Spacing.ColumnMm);
            w.WriteString("source", analysis.Spacing.Source);
            w.WriteEndObject();
            w.WriteString("method", analysis.Method);
            w.WriteString("modelVersion", analysis.ModelVersion);
            w.WriteString("orientationSource", analysis.OrientationSource);
        }

        WriteFindings(w, findings);
        if (analysis is null)
        {
            w.WriteNull("measures");
            w.WriteNull("landmarks");
        }
        else
        {
            WriteMeasures(w, analysis.Measures);
            WriteLandmarks(w, analysis.Landmarks);
        }

        w.WriteEndObject();
    }

    public static void WriteStudy(Utf8JsonWriter w, string studyInstanceUid, IReadOnlyList<Finding> findings)
    {
        w.WriteStartObject();
        w.WriteString("studyInstanceUid", studyInstanceUid);
        WriteFindings(w, findings);
        w.WriteEndObject();
    }

    public static string Result(FindingOutcome outcome) => outcome switch
    {
        FindingOutcome.Pass => "pass",
        FindingOutcome.Fail => "fail",
        _ => "not-assessable",
    };

    private static void WriteFindings(Utf8JsonWriter w, IReadOnlyList<Finding> findings)
    {
        w.WriteStartArray("findings");
        foreach (Finding f in findings)
        {
            w.WriteStartObject();
            w.WriteString("criterion", f.CriterionId);
            w.WriteString("result", Result(f.Outcome));
            Number(w, "value", f.MeasuredValue);
            w.WriteString("unit", f.Unit);
            w.WriteString("threshold", f.Threshold);
            Number(w, "confidence", f.Confidence);
            w.WriteString("message", f.Message);
            if (f.SopInstanceUid is not null)
            {
                w.WriteString("sopInstanceUid", f.SopInstanceUid);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteMeasures(Utf8JsonWriter w, PositioningMeasures m)
    {
        w.WriteStartObject("measures");
        Number(w, "pnlLengthMm", m.PnlLengthMm);
        if (m.PectoralReachesPnl is { } reaches)
        {
            w.WriteBoolean("pectoralReachesPnl", reaches);
        }
        else
        {
            w.WriteNull("pectoralReachesPnl");
        }

        Number(w, "pectoralShortfallMm", m.PectoralShortfallMm);
        Number(w, "pectoralAngleDegrees", m.PectoralAngleDegrees);
        Number(w, "pectoralTopWidthMm", m.PectoralTopWidthMm);
        Number(w, "pectoralLengthMm", m.PectoralLengthMm);
        w.WriteString("pectoralShape", m.PectoralShape?.ToString().ToLowerInvariant());
        Number(w, "nippleInProfileProbability", m.NippleInProfileProbability);
        Number(w, "nippleAngleDegrees", m.NippleAngleDegrees);
        Number(w, "imfAreaMm2", m.ImfAreaMm2);
        Number(w, "cutOffLengthMm", m.CutOffLengthMm);
        Number(w, "breastAreaMm2", m.BreastAreaMm2);
        Number(w, "nippleConfidence", m.NippleConfidence);
        Number(w, "segmentationConfidence", m.SegmentationConfidence);
        w.WriteEndObject();
    }

    private static void WriteLandmarks(Utf8JsonWriter w, ImageLandmarks l)
    {
        w.WriteStartObject("landmarks");
        w.WriteString("chestWallSide", l.ChestWallSide);
        if (l.Nipple is { } n)
        {
            w.WriteStartObject("nipple");
            Number(w, "x", n.X);
            Number(w, "y", n.Y);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("nipple");
        }

        if (l.PectoralEdge is { } edge)
        {
            w.WriteStartArray("pectoralEdge");
            foreach (var p in edge)
            {
                w.WriteStartObject();
                Number(w, "x", p.X);
                Number(w, "y", p.Y);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteNull("pectoralEdge");
        }

        Polygon(w, "pectoralPolygon", l.PectoralPolygon);
        Polygon(w, "breastPolygon", l.BreastPolygon);
        Polygon(w, "imfPolygon", l.ImfPolygon);
        if (l.Pnl is { } pnl)
        {
            Polygon(w, "pnl", pnl);
        }

        w.WriteEndObject();
    }

    private static void Polygon(Utf8JsonWriter w, string name, IReadOnlyList<(double X, double Y)> points)
    {
        w.WriteStartArray(name);
        foreach (var p in points)
        {
            w.WriteStartArray();
            w.WriteNumberValue(Math.Round(p.X, 1));
            w.WriteNumberValue(Math.Round(p.Y, 1));
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, Math.Round(v, 3));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
