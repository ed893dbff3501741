namespace ImageQuality.Samples.Mammography;

/// <summary>
/// A detector as vendors store its images: columns run from the chest wall toward the nipple, rows along the chest
/// wall (portrait), ImagerPixelSpacing in millimetres at the detector.
/// </summary>
public sealed record DetectorFormat(int Columns, int Rows, double ImagerPixelSpacingMm, string Name)
{
    /// <summary>Hologic-like 24 x 29 cm at 70 µm.</summary>
    public static DetectorFormat Large70 { get; } = new(3328, 4096, 0.07, "24x30");

    /// <summary>Hologic-like 18 x 23 cm at 70 µm.</summary>
    public static DetectorFormat Small70 { get; } = new(2560, 3328, 0.07, "18x24");

    /// <summary>GE-like 24 x 31 cm at 100 µm.</summary>
    public static DetectorFormat Large100 { get; } = new(2394, 3062, 0.1, "24x30");

    /// <summary>GE-like 19 x 23 cm at 100 µm.</summary>
    public static DetectorFormat Small100 { get; } = new(1914, 2294, 0.1, "18x24");

    /// <summary>Siemens-like 24 x 30 cm at 85 µm.</summary>
    public static DetectorFormat Large85 { get; } = new(2816, 3584, 0.085, "24x30");

    /// <summary>Siemens-like 18 x 24 cm at 85 µm.</summary>
    public static DetectorFormat Small85 { get; } = new(2082, 2800, 0.085, "18x24");

    /// <summary>Fuji-like 24 x 30 cm at 50 µm.</summary>
    public static DetectorFormat Large50 { get; } = new(4728, 5928, 0.05, "24x30");

    /// <summary>A nominal 18 x 24 or 24 x 30 cm detector at any spacing from 0.05 to 0.1 mm.</summary>
    public static DetectorFormat Nominal(bool large, double spacingMm)
    {
        double width = large ? 240 : 180, height = large ? 300 : 240;
        return new DetectorFormat((int)Math.Round(width / spacingMm), (int)Math.Round(height / spacingMm), spacingMm, large ? "24x30" : "18x24");
    }

    public bool IsLarge => Columns * ImagerPixelSpacingMm > 205;

    public void Validate()
    {
        if (ImagerPixelSpacingMm is < 0.05 or > 0.1)
        {
            throw new ArgumentException($"ImagerPixelSpacing {ImagerPixelSpacingMm} mm is outside 0.05-0.1 mm, the range of full-field detectors");
        }

        double widthMm = Columns * ImagerPixelSpacingMm, heightMm = Rows * ImagerPixelSpacingMm;
        if (widthMm is < 150 or > 260 || heightMm is < 200 or > 320 || heightMm <= widthMm)
        {
            throw new ArgumentException($"A {Columns} x {Rows} detector at {ImagerPixelSpacingMm} mm is {widthMm:0} x {heightMm:0} mm: not an 18 x 24 or 24 x 30 cm portrait detector");
        }
    }
}
