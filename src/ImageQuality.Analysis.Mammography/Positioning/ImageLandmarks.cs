namespace ImageQuality.Analysis.Mammography.Positioning;

/// <summary>
/// The landmarks in pixel coordinates of the stored image (x = column, y = row, pixel centres at integers), the
/// shape <c>iq analyze --json</c> prints so anyone can check them against their own annotations.
/// </summary>
public sealed record ImageLandmarks
{
    public (double X, double Y)? Nipple { get; init; }

    /// <summary>MLO: the pectoral muscle's anterior edge, top (at the image edge) then lower end.</summary>
    public IReadOnlyList<(double X, double Y)>? PectoralEdge { get; init; }

    public IReadOnlyList<(double X, double Y)> PectoralPolygon { get; init; } = [];

    public IReadOnlyList<(double X, double Y)> BreastPolygon { get; init; } = [];

    public IReadOnlyList<(double X, double Y)> ImfPolygon { get; init; } = [];

    /// <summary>The PNL from the nipple to its foot.</summary>
    public IReadOnlyList<(double X, double Y)>? Pnl { get; init; }

    /// <summary>"left" or "right": the side of the stored image where the chest wall is.</summary>
    public required string ChestWallSide { get; init; }
}
