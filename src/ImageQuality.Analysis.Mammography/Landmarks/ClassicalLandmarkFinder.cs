namespace ImageQuality.Analysis.Mammography.Landmarks;

/// <summary>
/// The fallback when no model is installed, and a cross-check of the model: Otsu thresholds and geometry on the
/// model grid. The breast is the bright region attached to the chest wall; on MLO the muscle is the brighter
/// wedge in the upper chest-wall corner; the nipple is the skin point farthest from the muscle edge (MLO) or the
/// chest wall (CC). It cannot tell whether the nipple is in profile or where the fold is, and dense tissue next
/// to the muscle fools it: findings from it carry a lower confidence.
/// </summary>
public static class ClassicalLandmarkFinder
{
    private const int W = LandmarkModelInput.Width;
    private const int H = LandmarkModelInput.Height;

    public static GridLandmarks Find(float[] tensor, bool mlo)
    {
        double t = Otsu(tensor, _ => true);
        var raw = new bool[W * H];
        for (int i = 0; i < raw.Length; i++)
        {
            raw[i] = tensor[i] > t;
        }

        bool[] breast = FillFromChestWall(GridMasks.LargestComponent(raw, (x, _) => x == 0));
        bool[] pectoral = mlo ? FindPectoral(tensor, breast) : new bool[W * H];
        (double X, double Y)? nipple = FindNipple(breast, pectoral);
        return new GridLandmarks
        {
            Breast = breast,
            Pectoral = pectoral,
            Imf = new bool[W * H],
            ImfAssessed = false,
            Nipple = nipple,
            NippleConfidence = nipple is null ? 0 : 0.5,
            NippleInProfileProbability = double.NaN,
            SegmentationConfidence = 0.5,
            Method = "classical",
        };
    }

    private static bool[] FindPectoral(float[] tensor, bool[] breast)
    {
        // The muscle is denser than the breast beside it: threshold within the breast's upper half near the chest wall.
        double t = Otsu(tensor, i => breast[i] && i / W < H / 2 && i % W < W / 2);
        var raw = new bool[W * H];
        for (int i = 0; i < raw.Length; i++)
        {
            raw[i] = breast[i] && tensor[i] > t;
        }

        bool[] component = GridMasks.LargestComponent(raw, (x, y) => x == 0 && y < H / 8);
        bool[] wedge = FillFromChestWall(component);

        // A wedge narrows downward: stop at the first row where it disappears, and never let a row be wider than the one above.
        int previous = W;
        bool ended = false;
        for (int y = 0; y < H; y++)
        {
            int right = -1;
            for (int x = 0; x < W && wedge[(y * W) + x]; x++)
            {
                right = x;
            }

            ended |= right < 0 && y > 0;
            right = ended ? -1 : Math.Min(right, previous);
            previous = Math.Max(right, 0);
            for (int x = 0; x < W; x++)
            {
                wedge[(y * W) + x] = x <= right;
            }
        }

        return wedge;
    }

    private static (double X, double Y)? FindNipple(bool[] breast, bool[] pectoral)
    {
        int[] skin = GridMasks.RightmostPerRow(breast);
        (double a, double b)? edge = PectoralLine(pectoral);
        double best = double.NegativeInfinity;
        (double, double)? nipple = null;
        for (int y = 0; y < H; y++)
        {
            if (skin[y] < 0)
            {
                continue;
            }

            // Distance from the muscle edge x = a + b y (or from the chest wall x = 0).
            double d = edge is { } e ? (skin[y] - (e.a + (e.b * y))) / Math.Sqrt(1 + (e.b * e.b)) : skin[y];
            if (d > best)
            {
                best = d;
                nipple = (skin[y], y);
            }
        }

        return nipple;
    }

    private static (double A, double B)? PectoralLine(bool[] pectoral)
    {
        int[] right = GridMasks.RightmostPerRow(pectoral);
        double n = 0, sy = 0, sx = 0, syy = 0, sxy = 0;
        for (int y = 0; y < H; y++)
        {
            if (right[y] >= 0)
            {
                n++;
                sy += y;
                sx += right[y];
                syy += (double)y * y;
                sxy += (double)y * right[y];
            }
        }

        double det = (n * syy) - (sy * sy);
        if (n < 5 || det == 0)
        {
            return null;
        }

        double b = ((n * sxy) - (sy * sx)) / det;
        return ((sx - (b * sy)) / n, b);
    }

    /// <summary>Every cell between the chest wall and the last cell of the mask in its row: holes and dark ducts closed.</summary>
    private static bool[] FillFromChestWall(bool[] mask)
    {
        int[] right = GridMasks.RightmostPerRow(mask);
        var filled = new bool[W * H];
        for (int y = 0; y < H; y++)
        {
            for (int x = 0; x <= right[y]; x++)
            {
                filled[(y * W) + x] = true;
            }
        }

        return filled;
    }

    /// <summary>Otsu's threshold over the cells <paramref name="include"/> selects, on a 256-bin histogram of [0, 1].</summary>
    private static double Otsu(float[] values, Func<int, bool> include)
    {
        var histogram = new double[256];
        double total = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (include(i))
            {
                histogram[Math.Clamp((int)(values[i] * 255), 0, 255)]++;
                total++;
            }
        }

        if (total == 0)
        {
            return 0.5;
        }

        double sumAll = 0;
        for (int i = 0; i < 256; i++)
        {
            sumAll += i * histogram[i];
        }

        double weightBelow = 0, sumBelow = 0, bestVariance = -1;
        int best = 127;
        for (int i = 0; i < 256; i++)
        {
            weightBelow += histogram[i];
            if (weightBelow == 0 || weightBelow == total)
            {
                continue;
            }

            sumBelow += i * histogram[i];
            double meanBelow = sumBelow / weightBelow;
            double meanAbove = (sumAll - sumBelow) / (total - weightBelow);
            double variance = weightBelow * (total - weightBelow) * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (variance > bestVariance)
            {
                bestVariance = variance;
                best = i;
            }
        }

        return (best + 0.5) / 255;
    }
}
