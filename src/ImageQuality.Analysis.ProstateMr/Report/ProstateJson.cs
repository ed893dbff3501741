using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ImageQuality.Analysis.ProstateMr.Parameters;
using ImageQuality.Analysis.ProstateMr.Series;

namespace ImageQuality.Analysis.ProstateMr.Report;

/// <summary>
/// The JSON of one judged study, as <c>iq analyze --json</c> prints it: <c>series</c> (each with
/// <c>seriesInstanceUid</c>, <c>seriesNumber</c>, <c>seriesType</c>, <c>plane</c>, <c>bValues</c> and the measured
/// <c>parameters</c>) and <c>findings</c> (each with <c>criterion</c>, <c>result</c> pass/fail/not-assessable,
/// <c>value</c>, <c>unit</c>, <c>limit</c>, <c>seriesNumber</c>). Absent values are written as null, never left out,
/// so that consumers see the shape whatever the study.
/// </summary>
public static class ProstateJson
{
    /// <summary>Writes the study as one JSON object.</summary>
    public static void Write(Utf8JsonWriter w, ProstateStudyReport report)
    {
        w.WriteStartObject();
        w.WriteString("studyInstanceUid", report.StudyInstanceUid);
        w.WriteString("rulePack", report.RulePackId);
        w.WriteString("rulePackVersion", report.RulePackVersion);
        w.WriteStartArray("series");
        foreach (ProstateSeries s in report.Series)
        {
            WriteSeries(w, s);
        }

        w.WriteEndArray();
        w.WriteStartArray("findings");
        foreach (ProtocolFinding f in report.Findings)
        {
            WriteFinding(w, f);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The study as a JSON text; units and limits ("≤ 3 mm") are written as they read, not \u-escaped.</summary>
    public static string ToJson(ProstateStudyReport report, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(w, report);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>"pass", "fail" or "not-assessable".</summary>
    public static string Result(FindingOutcome outcome) => outcome switch
    {
        FindingOutcome.Pass => "pass",
        FindingOutcome.Fail => "fail",
        _ => "not-assessable",
    };

    private static void WriteSeries(Utf8JsonWriter w, ProstateSeries s)
    {
        w.WriteStartObject();
        w.WriteString("seriesInstanceUid", s.SeriesInstanceUid);
        Number(w, "seriesNumber", s.SeriesNumber);
        w.WriteString("seriesDescription", s.SeriesDescription);
        w.WriteString("seriesType", s.SeriesType.Code());
        w.WriteString("plane", s.Plane?.ToString().ToLowerInvariant());
        Number(w, "obliquityDegrees", s.ObliquityDegrees is { } o ? Math.Round(o, 1) : null);
        w.WriteStartArray("bValues");
        foreach (double b in s.BValues)
        {
            w.WriteNumberValue(b);
        }

        w.WriteEndArray();
        w.WriteStartArray("bValueSources");
        foreach (var source in s.BValueSources)
        {
            w.WriteStringValue(source.ToString());
        }

        w.WriteEndArray();
        w.WriteNumber("confidence", s.Confidence);
        w.WriteStartArray("reasons");
        foreach (string reason in s.Reasons)
        {
            w.WriteStringValue(reason);
        }

        w.WriteEndArray();
        w.WriteNumber("instances", s.Instances);
        w.WriteNumber("frames", s.Frames);
        Number(w, "timePoint", s.TimePoint);
        w.WriteStartArray("dynamicSeriesNumbers");
        foreach (int? n in s.DynamicSeriesNumbers)
        {
            if (n is { } v)
            {
                w.WriteNumberValue(v);
            }
            else
            {
                w.WriteNullValue();
            }
        }

        w.WriteEndArray();
        w.WriteStartObject("parameters");
        foreach (ProtocolParameter p in Enum.GetValues<ProtocolParameter>())
        {
            if (s.Parameters.TryGetValue(p, out double value))
            {
                w.WriteStartObject(p.Name());
                w.WriteNumber("value", Math.Round(value, 4));
                w.WriteString("unit", p.Unit());
                w.WriteEndObject();
            }
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter w, ProtocolFinding pf)
    {
        Finding f = pf.Finding;
        w.WriteStartObject();
        w.WriteString("criterion", f.CriterionId);
        w.WriteString("result", Result(f.Outcome));
        Number(w, "value", f.MeasuredValue is { } v ? Math.Round(v, 4) : null);
        w.WriteString("unit", f.Unit);
        w.WriteString("limit", f.Threshold);
        Number(w, "seriesNumber", pf.SeriesNumber);
        w.WriteString("seriesInstanceUid", pf.SeriesInstanceUid);
        w.WriteString("message", f.Message);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
