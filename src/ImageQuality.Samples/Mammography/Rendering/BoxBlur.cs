namespace ImageQuality.Samples.Mammography.Rendering;

/// <summary>A separable box blur in place (radius in cells; 0 leaves the grid as it is).</summary>
internal static class BoxBlur
{
    public static void Apply(float[] grid, int columns, int rows, int radius)
    {
        if (radius <= 0)
        {
            return;
        }

        var line = new float[Math.Max(columns, rows)];
        for (int y = 0; y < rows; y++)
        {
            Blur(grid, y * columns, 1, columns, radius, line);
        }

        for (int x = 0; x < columns; x++)
        {
            Blur(grid, x, columns, rows, radius, line);
        }
    }

    private static void Blur(float[] grid, int start, int stride, int count, int radius, float[] line)
    {
        for (int i = 0; i < count; i++)
        {
            line[i] = grid[start + (i * stride)];
        }

        double sum = 0;
        int width = (2 * radius) + 1;
        for (int i = -radius; i <= radius; i++)
        {
            sum += line[Math.Clamp(i, 0, count - 1)];
        }

        for (int i = 0; i < count; i++)
        {
            grid[start + (i * stride)] = (float)(sum / width);
            sum += line[Math.Min(count - 1, i + radius + 1)] - line[Math.Max(0, i - radius)];
        }
    }
}
