using ImageQuality.Samples.Mammography.Geometry;
using ImageQuality.Samples.Mammography.Rendering;
using ImageQuality.Samples.Mammography.Truth;

namespace ImageQuality.Samples.Mammography;

/// <summary>
/// Makes a synthetic mammogram and its ground truth from a spec: draws the anatomy, renders it on a coarse working
/// grid (0.4 mm, or the pixel size when that is coarser), resamples to the detector's pixels with quantum noise, and
/// reads the truth off the same geometry. Deterministic: the spec (with its seed) fixes every pixel.
/// </summary>
public static class SyntheticMammogramGenerator
{
    /// <summary>The working grid's cell: fine enough for the texture a reader sees at 1:4, coarse enough to be quick.</summary>
    private const double WorkingSpacingMm = 0.4;

    /// <summary>The part of the margin around the image that the working grid covers (the geometry runs further).</summary>
    private const double WorkingMarginMm = 20;

    public static SyntheticMammogram Generate(SyntheticMammogramSpec spec)
    {
        spec.Validate();
        var random = new Random(spec.Seed);
        bool flipColumns = spec.ChestWallOnRight ?? (random.Chance(0.8) ? spec.ImageLaterality == ImageLaterality.R : spec.ImageLaterality == ImageLaterality.L);
        bool flipRows = spec.RowsFlipped ?? random.Chance(0.1);

        BreastAnatomy anatomy = AnatomyBuilder.Build(spec, random);
        var grid = new WorkingGrid(anatomy.WidthMm, anatomy.HeightMm, Math.Max(WorkingSpacingMm, spec.BreastPlaneSpacingMm), WorkingMarginMm);
        VendorProfile vendor = spec.Profile with { BitsStored = spec.EffectiveBitsStored };
        PresentationPlane plane = TissueRenderer.Render(anatomy, grid, vendor, random);

        bool monochrome1 = spec.Photometric == PhotometricInterpretation.Monochrome1;
        ushort[] pixels = DetectorReadout.Read(plane, spec.Columns, spec.Rows, spec.BreastPlaneSpacingMm, spec.ImagerPixelSpacingMm, flipColumns, flipRows, monochrome1, vendor.MaxValue, spec.Seed);

        string[] orientation = Orientation(spec, flipColumns, flipRows);
        var frame = new StoredFrame(spec.Columns, spec.Rows, spec.BreastPlaneSpacingMm, flipColumns, flipRows);
        return new SyntheticMammogram
        {
            Spec = spec,
            Pixels = pixels,
            Columns = spec.Columns,
            Rows = spec.Rows,
            PatientOrientation = orientation,
            WindowCenter = monochrome1 ? vendor.MaxValue - plane.WindowCenter : plane.WindowCenter,
            WindowWidth = plane.WindowWidth,
            Truth = GroundTruthBuilder.Build(anatomy, spec, frame, orientation),
        };
    }

    /// <summary>
    /// PatientOrientation for the stored layout: columns run toward posterior (P) when the chest wall is on the right,
    /// anterior (A) when on the left; rows run toward the feet (MLO) and medially (for the right breast, toward the
    /// patient's left), or the other way when the rows are stored bottom-up.
    /// </summary>
    private static string[] Orientation(SyntheticMammogramSpec spec, bool flipColumns, bool flipRows)
    {
        string row = flipColumns ? "P" : "A";
        bool right = spec.ImageLaterality == ImageLaterality.R;
        string medial = right ? "L" : "R", lateral = right ? "R" : "L";
        string column = spec.ViewPosition == ViewPosition.MLO
            ? (flipRows ? "H" + lateral : "F" + medial)
            : (flipRows ? lateral : medial);
        return [row, column];
    }
}
