using System.Globalization;
using ImageQuality.Analysis.ProstateMr.Headers;
using ImageQuality.Dicom;

namespace ImageQuality.Analysis.ProstateMr.BValues;

/// <summary>
/// The diffusion b-value of one image or frame, from the standard attribute where the sender wrote it, else from
/// the vendor's private element (Siemens, GE, Philips), each found through its private creator.
/// </summary>
public static class BValueReader
{
    /// <summary>GE adds this bias to the b-value of multi-b and synthetic-b series ((0043,xx7F) says so).</summary>
    private const double GeBias = 1e9;

    /// <summary>The b-value of frame <paramref name="frameIndex"/> (0 for a classic image); null when no element holds one.</summary>
    public static BValueReading? Read(DicomDataset dataset, int frameIndex = 0) => Read(new FrameScope(dataset, frameIndex));

    internal static BValueReading? Read(FrameScope frame)
    {
        DicomDataset top = frame.Top;
        if (HeaderValues.Number(frame.Macro(DicomTag.MRDiffusionSequence), DicomTag.DiffusionBValue) is { } enhanced)
        {
            return Reading(enhanced, BValueSource.MRDiffusionSequence);
        }

        if (HeaderValues.Number(top, DicomTag.DiffusionBValue) is { } standard)
        {
            return Reading(standard, BValueSource.DiffusionBValue);
        }

        string manufacturer = HeaderValues.Text(top, DicomTag.Manufacturer)?.ToUpperInvariant() ?? "";
        if (manufacturer.Contains("SIEMENS", StringComparison.Ordinal))
        {
            return Siemens(top);
        }

        if (manufacturer.Contains("GE ", StringComparison.Ordinal) || manufacturer.StartsWith("GE", StringComparison.Ordinal))
        {
            return Ge(top);
        }

        return manufacturer.Contains("PHILIPS", StringComparison.Ordinal) ? Philips(top) : null;
    }

    private static BValueReading? Siemens(DicomDataset ds)
    {
        if (PrivateElements.Find(ds, 0x0019, "SIEMENS MR HEADER", 0x0C) is { } e && PrivateElements.FirstNumber(e) is { } b)
        {
            return Reading(b, BValueSource.SiemensMrHeader);
        }

        if (PrivateElements.Find(ds, 0x0029, "SIEMENS CSA HEADER", 0x10) is { } csa
            && SiemensCsaHeader.Items(csa.Data.Span, "B_value") is [var first, ..]
            && double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out double csaB))
        {
            return Reading(csaB, BValueSource.SiemensCsaHeader);
        }

        return null;
    }

    private static BValueReading? Ge(DicomDataset ds) =>
        PrivateElements.Find(ds, 0x0043, "GEMS_PARM_01", 0x39) is { } e && PrivateElements.FirstNumber(e) is { } raw
            ? Reading(raw % GeBias, BValueSource.GeParameters)
            : null;

    private static BValueReading? Philips(DicomDataset ds) =>
        PrivateElements.Find(ds, 0x2001, "Philips Imaging DD 001", 0x03) is { } e && PrivateElements.Float32(e) is { } b
            ? Reading(b, BValueSource.PhilipsImaging)
            : null;

    private static BValueReading? Reading(double value, BValueSource source) =>
        value < 0 || !double.IsFinite(value) ? null : new BValueReading(value < 1 ? 0 : Math.Round(value), source);
}
