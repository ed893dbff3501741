using ImageQuality.Analysis.Mammography.Landmarks;

namespace ImageQuality.Analysis.Tests.Mammography.Positioning;

/// <summary>Hand-made landmark grids with known geometry: a breast and a muscle wedge attached to the chest wall.</summary>
internal static class GridDrawing
{
    public const int W = LandmarkModelInput.Width;
    public const int H = LandmarkModelInput.Height;

    /// <summary>Cells whose row's extent from the chest wall is given by <paramref name="right"/> (−1: none).</summary>
    public static bool[] FromChestWall(Func<int, double> right)
    {
        var mask = new bool[W * H];
        for (int y = 0; y < H; y++)
        {
            double r = right(y);
            for (int x = 0; x < W && x <= r; x++)
            {
                mask[(y * W) + x] = true;
            }
        }

        return mask;
    }

    /// <summary>A semi-elliptic breast centred on <paramref name="centreRow"/> reaching <paramref name="depth"/> cells from the chest wall.</summary>
    public static bool[] Breast(double centreRow, double halfHeight, double depth) =>
        FromChestWall(y => Math.Abs(y - centreRow) >= halfHeight ? -1 : depth * Math.Sqrt(1 - Math.Pow((y - centreRow) / halfHeight, 2)) - 1);

    /// <summary>A straight wedge: <paramref name="topWidth"/> cells at row 0 narrowing to nothing at <paramref name="bottomRow"/>, bulging by <paramref name="bulge"/> cells mid-way.</summary>
    public static bool[] Wedge(double topWidth, double bottomRow, double bulge = 0) =>
        FromChestWall(y => y >= bottomRow ? -1 : (topWidth * (1 - (y / bottomRow))) + (bulge * Math.Sin(Math.PI * y / bottomRow)) - 1);

    public static GridLandmarks Landmarks(bool[] breast, bool[] pectoral, (double X, double Y)? nipple, bool[]? imf = null) => new()
    {
        Breast = breast,
        Pectoral = pectoral,
        Imf = imf ?? new bool[W * H],
        Nipple = nipple,
        NippleConfidence = 0.9,
        NippleInProfileProbability = 0.9,
        Method = "test",
    };
}
