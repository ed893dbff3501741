namespace ImageQuality.Samples.Mammography.Dataset;

/// <summary>
/// Sets a bit in every cell of the landmark grid whose centre lies inside a polygon given in grid coordinates (cell
/// centres at integers; even-odd rule): the labels are the truth as the model's grid samples it.
/// </summary>
internal static class ModelGridRasterizer
{
    public static void Fill(IReadOnlyList<(double X, double Y)> polygon, byte[] labels, int width, int height, byte bit)
    {
        int n = polygon.Count;
        if (n < 3)
        {
            return;
        }

        var crossings = new List<double>();
        for (int row = 0; row < height; row++)
        {
            crossings.Clear();
            for (int i = 0, j = n - 1; i < n; j = i++)
            {
                var (xi, yi) = polygon[i];
                var (xj, yj) = polygon[j];
                if ((yi > row) != (yj > row))
                {
                    crossings.Add(xj + ((xi - xj) * (row - yj) / (yi - yj)));
                }
            }

            crossings.Sort();
            for (int c = 0; c + 1 < crossings.Count; c += 2)
            {
                int from = Math.Max(0, (int)Math.Ceiling(crossings[c]));
                int to = Math.Min(width - 1, (int)Math.Ceiling(crossings[c + 1]) - 1);
                for (int x = from; x <= to; x++)
                {
                    labels[(row * width) + x] |= bit;
                }
            }
        }
    }
}
