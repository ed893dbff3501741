using ImageQuality.Dicom;

namespace ImageQuality.Analysis.Mammography.Landmarks;

/// <summary>
/// How to turn an image so that the landmark model sees every view the same way: chest wall at the left edge and,
/// on MLO, the axilla at the top. Vendors and sites hang images either way round; PatientOrientation (0020,0020)
/// says which way the stored rows and columns run, and the image itself decides where the header is silent.
/// </summary>
/// <param name="FlipColumns">Mirror left–right: the chest wall is at the last column as stored.</param>
/// <param name="FlipRows">Mirror top–bottom: the patient's feet are at the first row as stored.</param>
/// <param name="Source">"header" when PatientOrientation decided, "image" when the tissue at the edges did.</param>
public sealed record CanonicalOrientation(bool FlipColumns, bool FlipRows, string Source)
{
    /// <summary>
    /// PatientOrientation's first value is the direction of increasing column: toward posterior (P) means the chest
    /// wall is on the right. Its second value is the direction of increasing row: toward the head (H) means the
    /// feet are at the top. Without a usable value, the side whose edge column holds more tissue is the chest wall.
    /// </summary>
    public static CanonicalOrientation Determine(DicomDataset dataset, MammogramPlane plane)
    {
        string[] orientation = dataset.GetStrings(DicomTag.PatientOrientation);
        string row = orientation.Length > 0 ? orientation[0].Trim().ToUpperInvariant() : string.Empty;
        string column = orientation.Length > 1 ? orientation[1].Trim().ToUpperInvariant() : string.Empty;
        bool rowsFlip = column.Contains('H', StringComparison.Ordinal);
        double evidence = ChestWallEvidence(plane);
        bool? header = row.StartsWith('P') ? true : row.StartsWith('A') ? false : null;
        if (header is { } onRight)
        {
            // A wrong PatientOrientation (edited, or copied from another view) is overruled only by clear tissue
            // evidence: a breast filling most of one edge and leaving the other dark.
            return Math.Abs(evidence) > StrongEvidence && (evidence > 0) != onRight
                ? new CanonicalOrientation(evidence > 0, rowsFlip, "image (PatientOrientation disagreed)")
                : new CanonicalOrientation(onRight, rowsFlip, "header");
        }

        return new CanonicalOrientation(evidence > 0, rowsFlip, "image");
    }

    /// <summary>Whether the chest wall (the fuller edge) is on the right, by the image alone.</summary>
    public static bool ChestWallOnRightByImage(MammogramPlane plane) => ChestWallEvidence(plane) > 0;

    /// <summary>Edge contrast beyond which the image overrules the header: a tenth of the image's value range would be noise.</summary>
    private const double StrongEvidence = 0.3;

    /// <summary>
    /// Compares the tissue along the first and last tenth of the columns: positive when the right edge is the fuller
    /// one, as a fraction of the whole image's value range (−1 to 1). Tissue attenuates: on MONOCHROME2 it is brighter
    /// (higher values) than the air around the breast, on MONOCHROME1 darker.
    /// </summary>
    private static double ChestWallEvidence(MammogramPlane plane)
    {
        int band = Math.Max(1, plane.Width / 10);
        double left = 0, right = 0;
        float min = float.MaxValue, max = float.MinValue;
        float[] v = plane.Values;
        int samples = 0;
        for (int y = 0; y < plane.Height; y += 4)
        {
            int rowStart = y * plane.Width;
            for (int x = 0; x < band; x++)
            {
                left += v[rowStart + x];
                right += v[rowStart + plane.Width - 1 - x];
                samples++;
            }

            for (int x = 0; x < plane.Width; x += 4)
            {
                min = Math.Min(min, v[rowStart + x]);
                max = Math.Max(max, v[rowStart + x]);
            }
        }

        double range = max > min ? max - min : 1;
        double evidence = (right - left) / samples / range;
        return plane.Monochrome1 ? -evidence : evidence;
    }
}
