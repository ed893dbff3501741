using ImageQuality.Dicom;

namespace ImageQuality.Analysis.ProstateMr.Headers;

/// <summary>
/// Header values as the rules want them: absent and empty are the same thing (null), code strings are compared
/// upper case, and a value that does not parse is absent rather than an error.
/// </summary>
internal static class HeaderValues
{
    public static string? Text(DicomDataset? ds, DicomTag tag)
    {
        if (ds is null || !ds.Contains(tag))
        {
            return null;
        }

        string? value = ds.GetString(tag)?.Trim().TrimEnd('\0');
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Each value of a code string (ImageType, ScanningSequence, …), upper case, empty values dropped.</summary>
    public static string[] Tokens(DicomDataset? ds, DicomTag tag)
    {
        if (ds is null || !ds.Contains(tag))
        {
            return [];
        }

        return [.. ds.GetStrings(tag).Select(t => t.Trim().ToUpperInvariant()).Where(t => t.Length > 0)];
    }

    public static double? Number(DicomDataset? ds, DicomTag tag, int index = 0) =>
        ds is not null && ds.TryGetDouble(tag, out double v, index) && double.IsFinite(v) ? v : null;

    /// <summary>All <paramref name="count"/> values of a numeric element, or null when any is missing.</summary>
    public static double[]? Numbers(DicomDataset? ds, DicomTag tag, int count)
    {
        if (ds is null || ds.GetValueCount(tag) < count)
        {
            return null;
        }

        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            if (Number(ds, tag, i) is not { } v)
            {
                return null;
            }

            values[i] = v;
        }

        return values;
    }

    public static int? Integer(DicomDataset? ds, DicomTag tag, int index = 0) =>
        ds is not null && ds.TryGetInt32(tag, out int v, index) ? v : null;
}
