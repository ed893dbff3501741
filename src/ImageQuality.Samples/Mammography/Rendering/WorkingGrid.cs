namespace ImageQuality.Samples.Mammography.Rendering;

/// <summary>
/// The coarse grid the breast is rendered on before it is resampled to the detector's pixels: the image plus a margin
/// on every side (so that distances to the skin and textures are right at the image edges), in canonical
/// millimetres. Cell (i, j) has its centre at <c>(Left + (i + 0.5) Spacing, Top + (j + 0.5) Spacing)</c>.
/// </summary>
internal sealed class WorkingGrid
{
    public WorkingGrid(double widthMm, double heightMm, double spacingMm, double marginMm)
    {
        Spacing = spacingMm;
        Left = -marginMm;
        Top = -marginMm;
        Columns = (int)Math.Ceiling((widthMm + (2 * marginMm)) / spacingMm);
        Rows = (int)Math.Ceiling((heightMm + (2 * marginMm)) / spacingMm);
    }

    public double Spacing { get; }

    public double Left { get; }

    public double Top { get; }

    public int Columns { get; }

    public int Rows { get; }

    public int Count => Columns * Rows;

    public double X(int column) => Left + ((column + 0.5) * Spacing);

    public double Y(int row) => Top + ((row + 0.5) * Spacing);

    /// <summary>Millimetres to continuous cell coordinates (cell centres at integers).</summary>
    public (double U, double V) ToCell(double x, double y) => (((x - Left) / Spacing) - 0.5, ((y - Top) / Spacing) - 0.5);
}
