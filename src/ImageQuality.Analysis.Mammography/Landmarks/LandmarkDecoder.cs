namespace ImageQuality.Analysis.Mammography.Landmarks;

/// <summary>Turns the model's logits into landmarks: masks cleaned to their main component, the nipple by a local soft-argmax.</summary>
internal static class LandmarkDecoder
{
    private const int W = LandmarkModelInput.Width;
    private const int H = LandmarkModelInput.Height;

    public static GridLandmarks Decode(ReadOnlySpan<float> masks, ReadOnlySpan<float> nippleLogits, float profileLogit)
    {
        int cells = W * H;
        var breastRaw = new bool[cells];
        var pectoralRaw = new bool[cells];
        var imfRaw = new bool[cells];
        double confidenceSum = 0;
        int confidenceCount = 0;
        for (int i = 0; i < cells; i++)
        {
            breastRaw[i] = masks[i] > 0;
            pectoralRaw[i] = masks[cells + i] > 0;
            imfRaw[i] = masks[(2 * cells) + i] > 0;
            if (breastRaw[i])
            {
                // Distance from 0.5, doubled: 1 where the model is certain, 0 on the fence.
                confidenceSum += Math.Abs((2 * Sigmoid(masks[i])) - 1);
                confidenceCount++;
            }
        }

        // The breast is the large component on the chest-wall side; the muscle lies within it near the chest wall.
        bool[] breast = GridMasks.LargestComponent(breastRaw, (x, _) => x == 0);
        for (int i = 0; i < cells; i++)
        {
            pectoralRaw[i] &= breast[i];
        }

        bool[] pectoral = GridMasks.LargestComponent(pectoralRaw, (x, _) => x == 0);
        bool[] imf = GridMasks.LargestComponent(imfRaw);

        (double X, double Y)? nipple = null;
        double nippleConfidence = 0;
        int peak = ArgMax(nippleLogits);
        if (peak >= 0)
        {
            nippleConfidence = Sigmoid(nippleLogits[peak]);
            nipple = SoftArgMax(nippleLogits, peak % W, peak / W, radius: 3);
        }

        return new GridLandmarks
        {
            Breast = breast,
            Pectoral = pectoral,
            Imf = imf,
            Nipple = nippleConfidence >= 0.05 ? nipple : null,
            NippleConfidence = nippleConfidence,
            NippleInProfileProbability = Sigmoid(profileLogit),
            SegmentationConfidence = confidenceCount > 0 ? confidenceSum / confidenceCount : 0,
            Method = "model",
        };
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = -1;
        float bestValue = float.NegativeInfinity;
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] > bestValue)
            {
                bestValue = values[i];
                best = i;
            }
        }

        return best;
    }

    /// <summary>The probability-weighted centre of the cells around the peak: sub-cell precision from a coarse grid.</summary>
    private static (double X, double Y) SoftArgMax(ReadOnlySpan<float> logits, int px, int py, int radius)
    {
        double sum = 0, sx = 0, sy = 0;
        for (int y = Math.Max(0, py - radius); y <= Math.Min(H - 1, py + radius); y++)
        {
            for (int x = Math.Max(0, px - radius); x <= Math.Min(W - 1, px + radius); x++)
            {
                double p = Sigmoid(logits[(y * W) + x]);
                sum += p;
                sx += p * x;
                sy += p * y;
            }
        }

        return sum > 0 ? (sx / sum, sy / sum) : (px, py);
    }

    private static double Sigmoid(float logit) => 1 / (1 + Math.Exp(-logit));
}
