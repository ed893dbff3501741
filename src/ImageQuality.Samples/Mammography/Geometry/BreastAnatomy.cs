namespace ImageQuality.Samples.Mammography.Geometry;

/// <summary>
/// One breast as imaged, in the canonical frame: millimetres in the breast plane, x from the chest-wall edge of the
/// image, y from its top edge (MLO: axilla at the top; CC: lateral at the top). Render outlines run past the image
/// edges (by <see cref="Margin"/>) where the body goes on, so that the renderer's distance to the skin is right at
/// the edges; truth outlines are clipped to the image.
/// </summary>
internal sealed class BreastAnatomy
{
    public required ViewPosition View { get; init; }

    public required double WidthMm { get; init; }

    public required double HeightMm { get; init; }

    public required double Margin { get; init; }

    public required BreastOutline Outline { get; init; }

    /// <summary>Breast including the muscle and the nipple, with the body behind the chest wall.</summary>
    public required List<(double X, double Y)> SkinRender { get; init; }

    /// <summary>Abdomen below the inframammary fold (MLO), empty when the fold is not shown.</summary>
    public required List<(double X, double Y)> AbdomenRender { get; init; }

    /// <summary>The skin crease of the fold, from the fold point on the contour to behind the chest wall.</summary>
    public required List<(double X, double Y)> FoldLine { get; init; }

    public required PectoralMuscle? Pectoral { get; init; }

    /// <summary>The nipple: the tip of the bump when in profile, the centre of its shadow when not; null when out of the field.</summary>
    public required (double X, double Y)? Nipple { get; init; }

    public required bool NippleInProfile { get; init; }

    /// <summary>Where the nipple's shadow lies over the breast when it is not in profile.</summary>
    public required (double X, double Y, double Radius)? NippleShadow { get; init; }

    public required TissueParameters Tissue { get; init; }

    public required IReadOnlyList<PositioningFault> Faults { get; init; }

    public List<(double X, double Y)> BreastInImage() => Polygon.ClipToRectangle(SkinRender, 0, 0, WidthMm, HeightMm);

    public List<(double X, double Y)> PectoralInImage() => Pectoral is null ? [] : Polygon.ClipToRectangle(Pectoral.Outline, 0, 0, WidthMm, HeightMm);

    public List<(double X, double Y)> AbdomenInImage() => AbdomenRender.Count == 0 ? [] : Polygon.ClipToRectangle(AbdomenRender, 0, 0, WidthMm, HeightMm);
}
