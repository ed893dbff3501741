using System.Text;
using System.Text.Json;

namespace ImageQuality.Samples.Mammography.Truth;

/// <summary>
/// The ground truth's JSON form (the <c>.truth.json</c> sidecar; the schema is in src/ImageQuality.Samples/README.md).
/// Points are <c>{"x": …, "y": …}</c> and polygons <c>[[x, y], …]</c> in stored-image pixels, as in
/// <c>iq analyze --json</c>. Reading accepts hand-made files: everything but the view is optional.
/// </summary>
public static class GroundTruthJson
{
    public const string Schema = "imagequality/mammo-truth/1";

    public static string Write(MammogramGroundTruth truth, string? sopInstanceUid = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            if (sopInstanceUid is not null)
            {
                w.WriteString("sopInstanceUid", sopInstanceUid);
            }

            if (truth.Source is not null)
            {
                w.WriteString("source", truth.Source);
            }

            w.WriteString("view", truth.View);
            w.WriteString("laterality", truth.Laterality);
            w.WriteNumber("columns", truth.Columns);
            w.WriteNumber("rows", truth.Rows);
            w.WriteStartArray("pixelSpacingMm");
            w.WriteNumberValue(Round(truth.PixelSpacingMm.Row, 7));
            w.WriteNumberValue(Round(truth.PixelSpacingMm.Column, 7));
            w.WriteEndArray();
            w.WriteString("chestWallSide", truth.ChestWallSide);
            w.WriteStartArray("patientOrientation");
            foreach (string value in truth.PatientOrientation)
            {
                w.WriteStringValue(value);
            }

            w.WriteEndArray();
            w.WritePropertyName("nipple");
            Point(w, truth.Nipple);
            w.WriteBoolean("nippleInProfile", truth.NippleInProfile);
            w.WritePropertyName("pectoralEdge");
            if (truth.PectoralEdge is { } edge)
            {
                w.WriteStartArray();
                foreach (var p in edge)
                {
                    Point(w, p);
                }

                w.WriteEndArray();
            }
            else
            {
                w.WriteNullValue();
            }

            Polygon(w, "breastPolygon", truth.BreastPolygon);
            Polygon(w, "pectoralPolygon", truth.PectoralPolygon);
            Polygon(w, "imfPolygon", truth.ImfPolygon);
            w.WriteStartArray("faults");
            foreach (string fault in truth.Faults)
            {
                w.WriteStringValue(fault);
            }

            w.WriteEndArray();
            if (truth.Measures is { } m)
            {
                Measures(w, m);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static MammogramGroundTruth Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        string view = root.TryGetProperty("view", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new FormatException("The truth has no \"view\" (CC or MLO)");
        return new MammogramGroundTruth
        {
            View = view.ToUpperInvariant(),
            Laterality = Text(root, "laterality") ?? string.Empty,
            Columns = root.TryGetProperty("columns", out var c) ? c.GetInt32() : 0,
            Rows = root.TryGetProperty("rows", out var r) ? r.GetInt32() : 0,
            PixelSpacingMm = root.TryGetProperty("pixelSpacingMm", out var s) && s.ValueKind == JsonValueKind.Array && s.GetArrayLength() == 2 ? (s[0].GetDouble(), s[1].GetDouble()) : (0, 0),
            ChestWallSide = Text(root, "chestWallSide") ?? string.Empty,
            PatientOrientation = root.TryGetProperty("patientOrientation", out var o) && o.ValueKind == JsonValueKind.Array ? [.. o.EnumerateArray().Select(e => e.GetString() ?? string.Empty)] : [],
            Nipple = root.TryGetProperty("nipple", out var n) ? ReadPoint(n) : null,
            NippleInProfile = root.TryGetProperty("nippleInProfile", out var ip) && ip.ValueKind == JsonValueKind.True,
            PectoralEdge = root.TryGetProperty("pectoralEdge", out var e) && e.ValueKind == JsonValueKind.Array ? [.. e.EnumerateArray().Select(p => ReadPoint(p) ?? throw new FormatException("pectoralEdge holds a point that is not {x, y}"))] : null,
            BreastPolygon = ReadPolygon(root, "breastPolygon"),
            PectoralPolygon = ReadPolygon(root, "pectoralPolygon"),
            ImfPolygon = ReadPolygon(root, "imfPolygon"),
            Faults = root.TryGetProperty("faults", out var f) && f.ValueKind == JsonValueKind.Array ? [.. f.EnumerateArray().Select(x => x.GetString() ?? string.Empty)] : [],
            Source = Text(root, "source"),
        };
    }

    private static void Measures(Utf8JsonWriter w, TruthMeasures m)
    {
        w.WriteStartObject("measures");
        Number(w, "pnlLengthMm", m.PnlLengthMm);
        w.WritePropertyName("pnlFoot");
        Point(w, m.PnlFoot);
        Bool(w, "pectoralReachesPnl", m.PectoralReachesPnl);
        Number(w, "pectoralShortfallMm", m.PectoralShortfallMm);
        Number(w, "pectoralAngleDegrees", m.PectoralAngleDegrees);
        Number(w, "pectoralTopWidthMm", m.PectoralTopWidthMm);
        Number(w, "pectoralBulgeMm", m.PectoralBulgeMm);
        Bool(w, "pectoralVisible", m.PectoralVisible);
        Number(w, "nippleAngleDegrees", m.NippleAngleDegrees);
        w.WriteBoolean("cutOff", m.CutOff);
        Number(w, "cutOffLengthMm", m.CutOffLengthMm);
        Bool(w, "imfVisible", m.ImfVisible);
        Number(w, "imfAreaMm2", m.ImfAreaMm2);
        Number(w, "breastAreaMm2", m.BreastAreaMm2);
        Number(w, "compressedThicknessMm", m.CompressedThicknessMm);
        w.WriteEndObject();
    }

    private static void Point(Utf8JsonWriter w, (double X, double Y)? point)
    {
        if (point is not { } p)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteNumber("x", Round(p.X));
        w.WriteNumber("y", Round(p.Y));
        w.WriteEndObject();
    }

    private static void Polygon(Utf8JsonWriter w, string name, IReadOnlyList<(double X, double Y)>? polygon)
    {
        w.WritePropertyName(name);
        if (polygon is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartArray();
        foreach (var (x, y) in polygon)
        {
            w.WriteStartArray();
            w.WriteNumberValue(Round(x));
            w.WriteNumberValue(Round(y));
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, Round(v));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Bool(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } v)
        {
            w.WriteBoolean(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static (double X, double Y)? ReadPoint(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => (e.GetProperty("x").GetDouble(), e.GetProperty("y").GetDouble()),
        JsonValueKind.Array when e.GetArrayLength() == 2 => (e[0].GetDouble(), e[1].GetDouble()),
        _ => null,
    };

    private static List<(double X, double Y)>? ReadPolygon(JsonElement root, string name) =>
        root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Array
            ? [.. p.EnumerateArray().Select(q => ReadPoint(q) ?? throw new FormatException($"{name} holds a vertex that is not [x, y]"))]
            : null;

    private static string? Text(JsonElement root, string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double Round(double value, int digits = 3) => Math.Round(value, digits);
}
