namespace ImageQuality.Analysis.Mammography.Landmarks;

/// <summary>Small operations on grid masks: connected components and per-row extents.</summary>
internal static class GridMasks
{
    private const int W = LandmarkModelInput.Width;
    private const int H = LandmarkModelInput.Height;

    /// <summary>The 4-connected component with the most cells among those <paramref name="seedAllowed"/> accepts (null: any).</summary>
    public static bool[] LargestComponent(bool[] mask, Func<int, int, bool>? seedAllowed = null)
    {
        var label = new int[mask.Length];
        var stack = new Stack<int>();
        int best = 0, bestSize = 0, next = 0;
        for (int start = 0; start < mask.Length; start++)
        {
            if (!mask[start] || label[start] != 0)
            {
                continue;
            }

            next++;
            int size = 0;
            bool allowed = seedAllowed is null;
            label[start] = next;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int i = stack.Pop();
                size++;
                int x = i % W, y = i / W;
                allowed |= seedAllowed?.Invoke(x, y) ?? false;
                Visit(x - 1, y);
                Visit(x + 1, y);
                Visit(x, y - 1);
                Visit(x, y + 1);
            }

            if (allowed && size > bestSize)
            {
                best = next;
                bestSize = size;
            }
        }

        var result = new bool[mask.Length];
        if (best != 0)
        {
            for (int i = 0; i < mask.Length; i++)
            {
                result[i] = label[i] == best;
            }
        }

        return result;

        void Visit(int x, int y)
        {
            if (x < 0 || y < 0 || x >= W || y >= H)
            {
                return;
            }

            int j = (y * W) + x;
            if (mask[j] && label[j] == 0)
            {
                label[j] = next;
                stack.Push(j);
            }
        }
    }

    /// <summary>For each row, the last column of the mask, or -1 where the row has none.</summary>
    public static int[] RightmostPerRow(bool[] mask)
    {
        var right = new int[H];
        for (int y = 0; y < H; y++)
        {
            right[y] = -1;
            for (int x = W - 1; x >= 0; x--)
            {
                if (mask[(y * W) + x])
                {
                    right[y] = x;
                    break;
                }
            }
        }

        return right;
    }

    public static int Count(bool[] mask)
    {
        int n = 0;
        foreach (bool b in mask)
        {
            n += b ? 1 : 0;
        }

        return n;
    }
}
