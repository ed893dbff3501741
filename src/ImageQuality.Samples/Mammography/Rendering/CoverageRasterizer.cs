namespace ImageQuality.Samples.Mammography.Rendering;

/// <summary>
/// Fills a polygon into a grid with anti-aliased coverage: four sub-scanlines per row, exact fractional coverage
/// along each, so that the rendered edge lies where the polygon's edge is (the truth) to a small fraction of a cell.
/// Even-odd rule, active edge list.
/// </summary>
internal static class CoverageRasterizer
{
    private const int Sub = 4;

    public static void Fill(IReadOnlyList<(double X, double Y)> polygon, WorkingGrid grid, float[] target)
    {
        int n = polygon.Count;
        if (n < 3)
        {
            return;
        }

        // Edges in cell units, sorted by their first sub-scanline.
        var edges = new List<Edge>(n);
        for (int i = 0; i < n; i++)
        {
            var a = polygon[i];
            var b = polygon[(i + 1) % n];
            double ua = (a.X - grid.Left) / grid.Spacing, va = (a.Y - grid.Top) / grid.Spacing;
            double ub = (b.X - grid.Left) / grid.Spacing, vb = (b.Y - grid.Top) / grid.Spacing;
            if (va == vb)
            {
                continue;
            }

            if (va > vb)
            {
                (ua, va, ub, vb) = (ub, vb, ua, va);
            }

            // Sub-scanline k samples v = (k + 0.5) / Sub; the edge covers va <= v < vb.
            int first = Math.Max(0, (int)Math.Ceiling((va * Sub) - 0.5));
            int last = Math.Min((grid.Rows * Sub) - 1, (int)Math.Ceiling((vb * Sub) - 0.5) - 1);
            if (first <= last)
            {
                edges.Add(new Edge(first, last, ua, va, (ub - ua) / (vb - va)));
            }
        }

        edges.Sort((p, q) => p.First.CompareTo(q.First));
        var active = new List<Edge>();
        var crossings = new List<double>();
        int next = 0;
        float weight = 1f / Sub;
        for (int k = 0; k < grid.Rows * Sub; k++)
        {
            while (next < edges.Count && edges[next].First == k)
            {
                active.Add(edges[next++]);
            }

            if (active.Count == 0)
            {
                if (next >= edges.Count)
                {
                    break;
                }

                continue;
            }

            double v = (k + 0.5) / Sub;
            crossings.Clear();
            for (int e = active.Count - 1; e >= 0; e--)
            {
                Edge edge = active[e];
                if (edge.Last < k)
                {
                    active.RemoveAt(e);
                    continue;
                }

                crossings.Add(edge.U0 + ((v - edge.V0) * edge.Slope));
            }

            crossings.Sort();
            int rowStart = (k / Sub) * grid.Columns;
            for (int c = 0; c + 1 < crossings.Count; c += 2)
            {
                Span(target, rowStart, grid.Columns, crossings[c], crossings[c + 1], weight);
            }
        }
    }

    private static void Span(float[] target, int rowStart, int columns, double from, double to, float weight)
    {
        from = Math.Max(0, from);
        to = Math.Min(columns, to);
        if (to <= from)
        {
            return;
        }

        int i0 = (int)from, i1 = (int)to;
        if (i0 == i1)
        {
            target[rowStart + i0] += (float)(to - from) * weight;
            return;
        }

        target[rowStart + i0] += (float)(i0 + 1 - from) * weight;
        for (int i = i0 + 1; i < i1; i++)
        {
            target[rowStart + i] += weight;
        }

        if (i1 < columns)
        {
            target[rowStart + i1] += (float)(to - i1) * weight;
        }
    }

    private readonly record struct Edge(int First, int Last, double U0, double V0, double Slope);
}
