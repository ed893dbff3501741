namespace ImageQuality.Analysis.Mammography.Landmarks;

/// <summary>
/// Landmarks on the model grid (canonical orientation: chest wall at column 0, axilla at row 0 on MLO), as the
/// model or the classical finder produced them. Masks are <see cref="LandmarkModelInput.Width"/> x
/// <see cref="LandmarkModelInput.Height"/>, row-major.
/// </summary>
public sealed record GridLandmarks
{
    public required bool[] Breast { get; init; }

    public required bool[] Pectoral { get; init; }

    /// <summary>Abdominal tissue below the inframammary fold (MLO): present when the fold is shown.</summary>
    public required bool[] Imf { get; init; }

    /// <summary>The nipple on the grid (cell centres at integers), or null when none was found.</summary>
    public (double X, double Y)? Nipple { get; init; }

    /// <summary>How sure the finder is of the nipple position, 0–1.</summary>
    public double NippleConfidence { get; init; }

    /// <summary>Probability that the nipple is in profile, 0–1; NaN when the finder cannot tell.</summary>
    public double NippleInProfileProbability { get; init; }

    /// <summary>Whether <see cref="Imf"/> was looked for (the classical finder cannot tell the fold from the breast).</summary>
    public bool ImfAssessed { get; init; } = true;

    /// <summary>Mean probability of the breast and pectoral masks over their cells: how clear-cut the segmentation was, 0–1.</summary>
    public double SegmentationConfidence { get; init; } = 1;

    /// <summary>"model" (ONNX) or "classical" (thresholds and geometry).</summary>
    public required string Method { get; init; }
}
