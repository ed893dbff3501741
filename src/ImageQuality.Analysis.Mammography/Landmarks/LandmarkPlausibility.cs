namespace ImageQuality.Analysis.Mammography.Landmarks;

/// <summary>
/// The cross-check between the model and anatomy: landmarks a radiographer would reject at a glance (a nipple away
/// from the skin line, no muscle in the chest-wall corner of an MLO, hardly any breast) mean the model has met an
/// image unlike its training data; the classical finder is then used for that image, and the result says so.
/// </summary>
public static class LandmarkPlausibility
{
    private const int W = LandmarkModelInput.Width;
    private const int H = LandmarkModelInput.Height;

    /// <summary>Null when the landmarks are plausible, else why not.</summary>
    public static string? Check(GridLandmarks grid, bool mlo)
    {
        int breastCells = GridMasks.Count(grid.Breast);
        if (breastCells < W * H / 20)
        {
            return "the breast covers under 5% of the image";
        }

        if (grid.Nipple is { } nipple)
        {
            // The nipple lies on the skin line: within a few cells of the breast's anterior border in its row.
            int[] skin = GridMasks.RightmostPerRow(grid.Breast);
            int row = Math.Clamp((int)Math.Round(nipple.Y), 0, H - 1);
            double nearest = double.MaxValue;
            for (int y = Math.Max(0, row - 10); y <= Math.Min(H - 1, row + 10); y++)
            {
                if (skin[y] >= 0)
                {
                    nearest = Math.Min(nearest, Math.Sqrt(Math.Pow(skin[y] + 0.5 - nipple.X, 2) + Math.Pow(y - nipple.Y, 2)));
                }
            }

            if (nearest > 10)
            {
                return "the nipple is not on the skin line";
            }
        }

        if (mlo)
        {
            int[] muscle = GridMasks.RightmostPerRow(grid.Pectoral);
            if (muscle[0] < 0 && muscle[Math.Min(H - 1, 8)] < 0)
            {
                return "no pectoral muscle at the top of the chest wall";
            }
        }

        return null;
    }

    /// <summary>
    /// Null when the nipple sits at the front of the breast, else why not: in profile or not, it lies near the
    /// breast's greatest depth from the chest wall (CC) or from the muscle edge (MLO), never far back beside the fold.
    /// </summary>
    public static string? CheckNipple(GridLandmarks grid)
    {
        if (grid.Nipple is not { } nipple || FrontOfBreast(grid.Breast) is not { } front)
        {
            return null;
        }

        return nipple.X < 0.75 * front.X ? "the nipple lies far behind the front of the breast" : null;
    }

    /// <summary>The skin point deepest from the chest wall (the middle one where several rows tie).</summary>
    public static (double X, double Y)? FrontOfBreast(bool[] breast)
    {
        int[] skin = GridMasks.RightmostPerRow(breast);
        int best = skin.Max();
        if (best < 0)
        {
            return null;
        }

        int first = Array.IndexOf(skin, best), last = Array.LastIndexOf(skin, best);
        return (best, (first + last) / 2.0);
    }
}
