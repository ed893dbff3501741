using ImageQuality.Dicom;

namespace ImageQuality.Analysis.Mammography.Positioning;

/// <summary>
/// Millimetres per pixel in the plane of the breast, where positioning is judged: the detector spacing
/// (ImagerPixelSpacing) divided by the magnification at the breast (EstimatedRadiographicMagnificationFactor);
/// PixelSpacing where the unit already calibrated it; none when the header gives neither.
/// </summary>
/// <param name="RowMm">Between the centres of adjacent rows (the first value of the DICOM pair).</param>
/// <param name="ColumnMm">Between the centres of adjacent columns.</param>
/// <param name="Source">Which attribute the values came from.</param>
public sealed record BreastPlaneSpacing(double RowMm, double ColumnMm, string Source)
{
    public static BreastPlaneSpacing? FromDataset(DicomDataset dataset)
    {
        // A calibrated PixelSpacing (PixelSpacingCalibrationType present) already is in the plane of the breast.
        double[] pixel = dataset.GetDoubles(DicomTag.PixelSpacing);
        if (Valid(pixel) && dataset.Contains(DicomTag.PixelSpacingCalibrationType))
        {
            return new BreastPlaneSpacing(pixel[0], pixel[1], "PixelSpacing (calibrated)");
        }

        double[] imager = dataset.GetDoubles(DicomTag.ImagerPixelSpacing);
        if (Valid(imager))
        {
            double magnification = dataset.TryGetDouble(DicomTag.EstimatedRadiographicMagnificationFactor, out double m) && m is >= 1 and <= 3 ? m : 1;
            return new BreastPlaneSpacing(imager[0] / magnification, imager[1] / magnification, magnification == 1 ? "ImagerPixelSpacing" : "ImagerPixelSpacing / EstimatedRadiographicMagnificationFactor");
        }

        // Some units write nonsense here (GE Senographe DS: 74.7\46.6), hence the range check.
        return Valid(pixel) ? new BreastPlaneSpacing(pixel[0], pixel[1], "PixelSpacing") : null;
    }

    private static bool Valid(double[] pair) => pair.Length >= 2 && pair[0] is > 0.005 and < 5 && pair[1] is > 0.005 and < 5;
}
