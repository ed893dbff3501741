namespace ImageQuality.Samples.Mammography;

/// <summary>
/// Everything a synthetic mammogram is made from. The seed drives the anatomy that the spec leaves open (outline
/// wobble, texture, muscle and nipple details); the same spec always gives the same pixels and the same truth.
/// </summary>
public sealed record SyntheticMammogramSpec
{
    public ViewPosition ViewPosition { get; init; } = ViewPosition.MLO;

    public ImageLaterality ImageLaterality { get; init; } = ImageLaterality.R;

    public VendorStyle Vendor { get; init; } = VendorStyle.HologicLike;

    /// <summary>The detector; null: the vendor's 24 x 30 cm format.</summary>
    public DetectorFormat? Detector { get; init; }

    /// <summary>
    /// Pixels are binned k x k before storing (DetectorBinning): the image is smaller and its spacing k times larger.
    /// Training data are made this way (the landmark model sees 1 mm cells); demonstration exams use 1.
    /// </summary>
    public int Binning { get; init; } = 1;

    /// <summary>EstimatedRadiographicMagnificationFactor; null: the vendor's usual value.</summary>
    public double? MagnificationFactor { get; init; }

    /// <summary>Distance from the chest wall to the nipple along the breast's axis, in the breast plane (40-200 mm).</summary>
    public double BreastDepthMm { get; init; } = 95;

    /// <summary>Width of the breast along the chest wall on CC (80-240 mm); MLO scales from it.</summary>
    public double BreastWidthMm { get; init; } = 160;

    /// <summary>BodyPartThickness: the compressed thickness (20-90 mm).</summary>
    public double CompressedThicknessMm { get; init; } = 50;

    public BreastDensity Density { get; init; } = BreastDensity.B;

    public PhotometricInterpretation Photometric { get; init; } = PhotometricInterpretation.Monochrome2;

    /// <summary>BitsStored 12 or 14; null: the vendor's.</summary>
    public int? BitsStored { get; init; }

    /// <summary>Where the chest wall is in the stored image; null: the usual hanging (right breast: right) four times in five, chosen by the seed.</summary>
    public bool? ChestWallOnRight { get; init; }

    /// <summary>Rows stored bottom-up (MLO: feet at the top; CC: medial at the top); null: one image in ten, chosen by the seed.</summary>
    public bool? RowsFlipped { get; init; }

    public IReadOnlyList<PositioningFault> Faults { get; init; } = [];

    public int Seed { get; init; }

    public VendorProfile Profile => VendorProfile.For(Vendor);

    public DetectorFormat EffectiveDetector => Detector ?? Profile.LargeDetector;

    public double EffectiveMagnification => MagnificationFactor ?? Profile.MagnificationFactor;

    public int EffectiveBitsStored => BitsStored ?? Profile.BitsStored;

    /// <summary>Columns and rows of the stored image (after binning).</summary>
    public int Columns => EffectiveDetector.Columns / Binning;

    public int Rows => EffectiveDetector.Rows / Binning;

    /// <summary>ImagerPixelSpacing of the stored image (after binning).</summary>
    public double ImagerPixelSpacingMm => EffectiveDetector.ImagerPixelSpacingMm * Binning;

    /// <summary>One pixel in the plane of the breast: what the analysis measures in.</summary>
    public double BreastPlaneSpacingMm => ImagerPixelSpacingMm / EffectiveMagnification;

    public bool Has(PositioningFault fault) => Faults.Contains(fault);

    public void Validate()
    {
        EffectiveDetector.Validate();
        if (Binning is < 1 or > 16 || Columns < 256 || Rows < 320)
        {
            throw new ArgumentException($"Binning {Binning} leaves a {Columns} x {Rows} image; the landmark grid needs at least 256 x 320");
        }

        Check(EffectiveMagnification, 1, 1.3, "EstimatedRadiographicMagnificationFactor");
        Check(BreastDepthMm, 40, 200, nameof(BreastDepthMm));
        Check(BreastWidthMm, 80, 240, nameof(BreastWidthMm));
        Check(CompressedThicknessMm, 20, 90, nameof(CompressedThicknessMm));
        if (EffectiveBitsStored is not (12 or 14))
        {
            throw new ArgumentException($"BitsStored {EffectiveBitsStored}: mammograms store 12 or 14 bits");
        }

        foreach (PositioningFault fault in Faults)
        {
            if (!fault.AppliesTo(ViewPosition))
            {
                throw new ArgumentException($"The fault {fault.Name()} does not occur on {ViewPosition}");
            }
        }
    }

    private static void Check(double value, double min, double max, string name)
    {
        if (!(value >= min && value <= max))
        {
            throw new ArgumentException($"{name} {value} is outside {min}-{max}");
        }
    }
}
