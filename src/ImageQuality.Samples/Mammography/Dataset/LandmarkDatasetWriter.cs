using System.Text;
using System.Text.Json;

namespace ImageQuality.Samples.Mammography.Dataset;

/// <summary>
/// Appends samples to a training folder: inputs.u8 and labels.u8 (N x 320 x 256 bytes each) and meta.jsonl (one
/// JSON object per line, in the same order). The format is described in tools/MammoDataset/README.md and in the
/// README.md written beside the files.
/// </summary>
public sealed class LandmarkDatasetWriter : IDisposable
{
    private readonly FileStream _inputs;
    private readonly FileStream _labels;
    private readonly StreamWriter _meta;

    public LandmarkDatasetWriter(string folder)
    {
        Directory.CreateDirectory(folder);
        _inputs = new FileStream(Path.Combine(folder, "inputs.u8"), FileMode.Create, FileAccess.Write);
        _labels = new FileStream(Path.Combine(folder, "labels.u8"), FileMode.Create, FileAccess.Write);
        _meta = new StreamWriter(Path.Combine(folder, "meta.jsonl"), false, new UTF8Encoding(false)) { NewLine = "\n" };
        File.WriteAllText(Path.Combine(folder, "README.md"), FormatNote);
    }

    public int Count { get; private set; }

    /// <summary>A short description written into every exported folder, so the files explain themselves.</summary>
    public static string FormatNote =>
        "# Landmark model training data\n\n"
        + "Written by tools/MammoDataset (see its README.md for the full description).\n\n"
        + "- `inputs.u8`: N x 320 x 256 bytes, row-major; value / 255 is the model input (LandmarkModelInput.Prepare:\n"
        + "  canonical orientation, chest wall at column 0, axilla at the top on MLO).\n"
        + "- `labels.u8`: N x 320 x 256 bytes; bit 1 breast (incl. pectoral), bit 2 pectoral muscle, bit 4 abdomen below the IMF.\n"
        + "- `meta.jsonl`: one JSON object per line: index, view, laterality, nipple [x, y] (grid, cell centres at integers)\n"
        + "  or null, nippleInProfile, pectoralEdge [[x, y], [x, y]] or null, pixelSpacingMm [x, y] of one cell, faults,\n"
        + "  source, labelled {breast, pectoral, imf}, orientationSource, imageSize [columns, rows].\n";

    /// <summary>Appends a sample; its index becomes its position in the files (samples left out leave no gap).</summary>
    public void Append(LandmarkSample sample)
    {
        _inputs.Write(sample.Input);
        _labels.Write(sample.Labels);
        _meta.WriteLine(MetaLine(sample.Meta with { Index = Count }));
        Count++;
    }

    public static string MetaLine(LandmarkSampleMeta m)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber("index", m.Index);
            w.WriteString("view", m.View);
            w.WriteString("laterality", m.Laterality);
            w.WritePropertyName("nipple");
            Pair(w, m.Nipple);
            w.WriteBoolean("nippleInProfile", m.NippleInProfile);
            w.WritePropertyName("pectoralEdge");
            if (m.PectoralEdge is { } edge)
            {
                w.WriteStartArray();
                foreach (var p in edge)
                {
                    Pair(w, p);
                }

                w.WriteEndArray();
            }
            else
            {
                w.WriteNullValue();
            }

            w.WritePropertyName("pixelSpacingMm");
            Pair(w, m.PixelSpacingMm, 6);
            w.WriteStartArray("faults");
            foreach (string f in m.Faults)
            {
                w.WriteStringValue(f);
            }

            w.WriteEndArray();
            w.WriteString("source", m.Source);
            w.WriteStartObject("labelled");
            w.WriteBoolean("breast", m.Labelled.Breast);
            w.WriteBoolean("pectoral", m.Labelled.Pectoral);
            w.WriteBoolean("imf", m.Labelled.Imf);
            w.WriteEndObject();
            w.WriteString("orientationSource", m.OrientationSource);
            w.WriteStartArray("imageSize");
            w.WriteNumberValue(m.ImageSize.Columns);
            w.WriteNumberValue(m.ImageSize.Rows);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public void Dispose()
    {
        _inputs.Dispose();
        _labels.Dispose();
        _meta.Dispose();
    }

    private static void Pair(Utf8JsonWriter w, (double X, double Y)? point, int digits = 3)
    {
        if (point is not { } p)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartArray();
        w.WriteNumberValue(Math.Round(p.X, digits));
        w.WriteNumberValue(Math.Round(p.Y, digits));
        w.WriteEndArray();
    }
}
