using ImageQuality.Dicom;

namespace ImageQuality.Analysis.Mammography.Positioning;

/// <summary>
/// Whether an image is a screening view whose positioning the criteria judge, and if not, why: for-processing
/// images, implant-displaced or partial (mosaic) views, spot, magnification and biopsy views, and views other
/// than CC and MLO have other rules.
/// </summary>
public static class ScreeningScope
{
    // ViewModifierCodeSequence (CID 4015) codes that make a view diagnostic rather than screening (SCT, then SRT).
    private static readonly Dictionary<string, string> DiagnosticModifiers = new(StringComparer.Ordinal)
    {
        ["399163009"] = "magnification view",
        ["R-102D6"] = "magnification view",
        ["399055006"] = "spot compression view",
        ["R-102D2"] = "spot compression view",
        ["414415007"] = "implant-displaced view",
        ["R-102D5"] = "implant-displaced view",
        ["399192003"] = "tangential view",
        ["R-102C2"] = "tangential view",
    };

    /// <summary>Null when the image is in scope, else the reason a technologist or QA manager reads.</summary>
    public static string? ExclusionReason(DicomDataset ds, out string? view)
    {
        view = Text(ds, DicomTag.ViewPosition)?.ToUpperInvariant();
        if (Text(ds, DicomTag.PresentationIntentType) == "FOR PROCESSING")
        {
            return "for-processing (raw) image: positioning is judged on the for-presentation image";
        }

        if (Text(ds, DicomTag.BreastImplantPresent) == "YES")
        {
            return "breast implant present: implant views have their own positioning rules";
        }

        if (Text(ds, DicomTag.PartialView) == "YES")
        {
            return "partial (mosaic) view: the breast is imaged in parts, so PNL and cut-off rules do not apply";
        }

        foreach (DicomDataset item in ds.FindSequence(DicomTag.ViewModifierCodeSequence)?.Items ?? [])
        {
            if (Text(item, DicomTag.CodeValue) is { } code && DiagnosticModifiers.TryGetValue(code, out string? what))
            {
                return $"{what}: not a screening view";
            }
        }

        foreach (string? description in new[] { Text(ds, DicomTag.SeriesDescription), Text(ds, DicomTag.StudyDescription), Text(ds, DicomTag.RequestedProcedureDescription) })
        {
            if (description is not null && DiagnosticWords(description) is { } word)
            {
                return $"'{description}' ({word}): not a screening view";
            }
        }

        if (view is not ("CC" or "MLO"))
        {
            return view is null ? "ViewPosition is missing: the view cannot be judged" : $"view {view}: only CC and MLO screening views are judged";
        }

        return null;
    }

    /// <summary>Words of a description that mark a diagnostic image, in the languages sites use (biopsy, biopsie, biopsia…).</summary>
    private static string? DiagnosticWords(string description)
    {
        foreach (string token in description.ToUpperInvariant().Split([' ', '_', '-', '/', ',', '.', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Contains("BIOPS", StringComparison.Ordinal) || token.Contains("BIOPT", StringComparison.Ordinal) || token == "STEREO" || token.StartsWith("STEREOTA", StringComparison.Ordinal))
            {
                return "biopsy";
            }

            if (token is "SPOT" or "MAG" or "MAGN" || token.StartsWith("MAGNIF", StringComparison.Ordinal) || token.StartsWith("VERGROT", StringComparison.Ordinal))
            {
                return "spot or magnification";
            }
        }

        return null;
    }

    internal static string? Text(DicomDataset ds, DicomTag tag)
    {
        var value = ds.Contains(tag) ? ds.GetString(tag)?.Trim().TrimEnd('\0') : null;
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
