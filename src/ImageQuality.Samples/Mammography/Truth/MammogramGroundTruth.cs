namespace ImageQuality.Samples.Mammography.Truth;

/// <summary>
/// What is where in one mammogram, in pixel positions of the stored image (x = column, y = row, pixel centres at
/// integers): the shape <c>iq analyze --json</c> reports landmarks in, so the two compare directly. Polygons are
/// closed (the last vertex joins the first) and clipped to the image. For real images annotated by hand the same
/// schema holds, with <see cref="Measures"/> absent and a polygon null where it was not drawn.
/// </summary>
public sealed record MammogramGroundTruth
{
    public required string View { get; init; }

    public required string Laterality { get; init; }

    public required int Columns { get; init; }

    public required int Rows { get; init; }

    /// <summary>Millimetres per pixel in the breast plane (row spacing, column spacing).</summary>
    public required (double Row, double Column) PixelSpacingMm { get; init; }

    /// <summary>"left" or "right": the side of the stored image where the chest wall is.</summary>
    public required string ChestWallSide { get; init; }

    /// <summary>PatientOrientation (0020,0020) as written to the header.</summary>
    public IReadOnlyList<string> PatientOrientation { get; init; } = [];

    /// <summary>The skin contour including the muscle and the nipple (not the abdomen); null when not annotated.</summary>
    public IReadOnlyList<(double X, double Y)>? BreastPolygon { get; init; }

    /// <summary>The pectoral muscle (MLO; on CC a sliver or empty); null when not annotated.</summary>
    public IReadOnlyList<(double X, double Y)>? PectoralPolygon { get; init; }

    /// <summary>The muscle's anterior edge as the published labels draw it: top (at the image edge), then its lowest end.</summary>
    public IReadOnlyList<(double X, double Y)>? PectoralEdge { get; init; }

    public (double X, double Y)? Nipple { get; init; }

    public bool NippleInProfile { get; init; }

    /// <summary>The abdomen below the inframammary fold (MLO); empty when the fold is not shown; null when not annotated.</summary>
    public IReadOnlyList<(double X, double Y)>? ImfPolygon { get; init; }

    /// <summary>Fault names (see <see cref="PositioningFaultNames"/>): those the geometry shows.</summary>
    public IReadOnlyList<string> Faults { get; init; } = [];

    public TruthMeasures? Measures { get; init; }

    /// <summary>Where the image came from: "synthetic" with its seed, or a site's name.</summary>
    public string? Source { get; init; }
}
