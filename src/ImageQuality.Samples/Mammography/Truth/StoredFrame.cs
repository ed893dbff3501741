namespace ImageQuality.Samples.Mammography.Truth;

/// <summary>
/// From the canonical frame (millimetres in the breast plane, chest wall at x = 0, top edge at y = 0) to pixel
/// positions of the stored image (x = column, y = row, pixel centres at integers), flipped as the image is stored.
/// </summary>
public sealed record StoredFrame(int Columns, int Rows, double SpacingMm, bool FlipColumns, bool FlipRows)
{
    public (double X, double Y) ToPixel((double X, double Y) mm)
    {
        double x = (mm.X / SpacingMm) - 0.5, y = (mm.Y / SpacingMm) - 0.5;
        return (FlipColumns ? Columns - 1 - x : x, FlipRows ? Rows - 1 - y : y);
    }

    public (double X, double Y) ToCanonical((double X, double Y) pixel)
    {
        double x = FlipColumns ? Columns - 1 - pixel.X : pixel.X;
        double y = FlipRows ? Rows - 1 - pixel.Y : pixel.Y;
        return ((x + 0.5) * SpacingMm, (y + 0.5) * SpacingMm);
    }

    public IReadOnlyList<(double X, double Y)> ToPixels(IEnumerable<(double X, double Y)> polygon) => [.. polygon.Select(ToPixel)];
}
