namespace ImageQuality.Analysis.Mammography.Landmarks;

/// <summary>
/// Maps between the landmark model's grid (canonical orientation, <see cref="LandmarkModelInput.Width"/> x
/// <see cref="LandmarkModelInput.Height"/>) and the stored image's pixels (x = column, y = row, pixel centres at
/// integers). The model grid stretches the whole image; detector aspect ratios (4:5, 3:4) differ from the grid's 4:5 by
/// a few percent at most, which the model sees in training too.
/// </summary>
public sealed record ModelTransform(int ImageWidth, int ImageHeight, CanonicalOrientation Orientation)
{
    public double ScaleX => (double)ImageWidth / LandmarkModelInput.Width;

    public double ScaleY => (double)ImageHeight / LandmarkModelInput.Height;

    /// <summary>A point of the model grid (cell centres at integers) in stored-image pixels.</summary>
    public (double X, double Y) ToImage(double modelX, double modelY)
    {
        double x = ((modelX + 0.5) * ScaleX) - 0.5;
        double y = ((modelY + 0.5) * ScaleY) - 0.5;
        return (Orientation.FlipColumns ? ImageWidth - 1 - x : x, Orientation.FlipRows ? ImageHeight - 1 - y : y);
    }

    /// <summary>A stored-image pixel position on the model grid.</summary>
    public (double X, double Y) ToModel(double imageX, double imageY)
    {
        double x = Orientation.FlipColumns ? ImageWidth - 1 - imageX : imageX;
        double y = Orientation.FlipRows ? ImageHeight - 1 - imageY : imageY;
        return (((x + 0.5) / ScaleX) - 0.5, ((y + 0.5) / ScaleY) - 0.5);
    }
}
