namespace ImageQuality.Samples.Mammography;

/// <summary>
/// What a vendor-like style puts into the image and the header. Values are on the 12-bit scale; 14-bit styles scale
/// them by four.
/// </summary>
/// <param name="Background">The value of air (direct exposure) on MONOCHROME2.</param>
/// <param name="BackgroundNoise">Noise of the air region (0: the unit writes a constant there).</param>
/// <param name="Equalisation">The share of the thickness fall-off toward the skin that the processing gives back (0-1).</param>
/// <param name="FatValue">Fatty tissue at full compressed thickness.</param>
/// <param name="DenseValue">Dense fibroglandular tissue at full thickness.</param>
/// <param name="Compression">Log-like compression of the contrast above fat (0: linear).</param>
/// <param name="SkinEnhancement">Overshoot of the skin line from edge enhancement, in values.</param>
/// <param name="NoiseSigma">Quantum noise of one 70 µm pixel in fatty tissue, in values.</param>
public sealed record VendorProfile(
    VendorStyle Style,
    string Manufacturer,
    string[] ModelNames,
    string SoftwareVersions,
    int BitsStored,
    double Background,
    double BackgroundNoise,
    double Equalisation,
    double FatValue,
    double DenseValue,
    double Compression,
    double SkinEnhancement,
    double NoiseSigma,
    double MagnificationFactor,
    string VoiLutFunction,
    DetectorFormat LargeDetector,
    DetectorFormat SmallDetector)
{
    public int MaxValue => (1 << BitsStored) - 1;

    /// <summary>12-bit style values scaled to the stored bit depth.</summary>
    public double Scale => (1 << BitsStored) / 4096.0;

    public static VendorProfile For(VendorStyle style) => style switch
    {
        VendorStyle.GeLike => new(style, "GE MEDICAL SYSTEMS", ["Senographe Essential", "Senographe Pristina"], "ADS_54.10", 12, 0, 0, 0.9, 2200, 2950, 0.6, 90, 28, 1.0, "SIGMOID", DetectorFormat.Large100, DetectorFormat.Small100),
        VendorStyle.HologicLike => new(style, "HOLOGIC, Inc.", ["Selenia Dimensions", "3Dimensions"], "1.11.1.2", 12, 70, 6, 0.55, 1750, 3000, 1.2, 140, 24, 1.07, "LINEAR", DetectorFormat.Large70, DetectorFormat.Small70),
        VendorStyle.SiemensLike => new(style, "SIEMENS", ["Mammomat Inspiration", "Mammomat Revelation"], "VB60A", 12, 20, 3, 0.7, 1900, 3100, -0.4, 60, 22, 1.08, "LINEAR", DetectorFormat.Large85, DetectorFormat.Small85),
        VendorStyle.FujiLike => new(style, "FUJIFILM Corporation", ["AMULET Innovality"], "A06.2", 14, 40, 4, 0.85, 2050, 3150, 0.9, 180, 26, 1.1, "LINEAR", DetectorFormat.Large50, DetectorFormat.Nominal(false, 0.05)),
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, null),
    };
}
