using ImageQuality.Samples.Mammography.Geometry;

namespace ImageQuality.Samples.Mammography.Rendering;

/// <summary>
/// Turns a breast into a for-presentation image on the working grid. First the physics, as log attenuation along
/// each ray: the compressed thickness falling off toward the skin (a rounded edge between the paddles), fat and
/// fibroglandular tissue in proportion to a density map times a power-law texture drawn out toward the nipple,
/// Cooper's-ligament strands in the fat, the skin seen edge-on, the pectoral muscle, the nipple's shadow, the abdomen
/// and the fold's crease, a few calcifications. Then the vendor-like processing: part of the thickness fall-off given
/// back (equalisation), a contrast curve from fat to dense tissue, skin-line enhancement, and air at the vendor's
/// background value.
/// </summary>
internal static class TissueRenderer
{
    // Linear attenuation near 20 keV, per mm.
    private const float MuFat = 0.045f;
    private const float MuGland = 0.080f;

    public static PresentationPlane Render(BreastAnatomy anatomy, WorkingGrid grid, VendorProfile vendor, Random random)
    {
        int n = grid.Count;
        var breast = new float[n];
        var abdomen = new float[n];
        var muscle = new float[n];
        CoverageRasterizer.Fill(anatomy.SkinRender, grid, breast);
        CoverageRasterizer.Fill(anatomy.AbdomenRender, grid, abdomen);
        if (anatomy.Pectoral is { } pectoral)
        {
            CoverageRasterizer.Fill(pectoral.RenderOutline, grid, muscle);
            BoxBlur.Apply(muscle, grid.Columns, grid.Rows, (int)Math.Round(anatomy.Tissue.PectoralSoftness / grid.Spacing));
        }

        var tissue = new bool[n];
        for (int i = 0; i < n; i++)
        {
            tissue[i] = breast[i] + abdomen[i] >= 0.5f;
        }

        float[] distance = DistanceTransform.ToNearestUnset(tissue, grid.Columns, grid.Rows);
        float[] vessels = VesselPainter.Paint(anatomy.Tissue.Vessels, grid);
        // The 1/f^3 spectrum in two bands: structures from 20 cm down to 3.2 mm on one 41 cm field, and finer ones on a
        // 10 cm tile (periodic, so it repeats without seams; at these sizes the repeat cannot be seen).
        var texture = SpectralNoise.Generate(256, 1.6, 3.0, 1 / 200.0, 1 / 3.2, random);
        double fineCell = Math.Max(0.2, grid.Spacing / 2);
        var fine = SpectralNoise.Generate(256, fineCell, 3.0, 1 / 3.2, 1 / (2 * fineCell), random);
        var strands = SpectralNoise.Generate(128, 1.6, 3.0, 1 / 120.0, 1 / 25.0, random);

        var values = new float[n];
        var sigma = new float[n];
        var context = new Context(anatomy, grid, vendor, texture, strands, fine);
        Parallel.For(0, grid.Rows, row =>
        {
            for (int column = 0; column < grid.Columns; column++)
            {
                int i = (row * grid.Columns) + column;
                float covered = Math.Min(1, breast[i] + abdomen[i]);
                float air = (float)(vendor.Background * vendor.Scale);
                if (covered <= 0)
                {
                    values[i] = air;
                    sigma[i] = (float)(vendor.BackgroundNoise * vendor.Scale);
                    continue;
                }

                bool inAbdomen = abdomen[i] > breast[i];
                (float value, float noise) = context.Tissue(grid.X(column), grid.Y(row), (distance[i] - 0.5f) * (float)grid.Spacing, muscle[i], inAbdomen, inAbdomen ? 0 : vessels[i]);
                values[i] = (covered * value) + ((1 - covered) * air);
                sigma[i] = (covered * noise) + ((1 - covered) * (float)(vendor.BackgroundNoise * vendor.Scale));
            }
        });

        (double center, double width) = Window(values, breast, muscle, 600 * vendor.Scale);
        return new PresentationPlane(grid, values, sigma, center, width);
    }

    /// <summary>
    /// A window over the breast as units write one: from the 1st percentile of the breast to its 99.5th, or to the
    /// muscle's 90th where that is brighter, a little wider, and never narrower than the vendors' usual range.
    /// </summary>
    private static (double Center, double Width) Window(float[] values, float[] breast, float[] muscle, double narrowest)
    {
        var tissue = new List<float>();
        var pectoral = new List<float>();
        for (int i = 0; i < values.Length; i += 3)
        {
            if (breast[i] >= 0.999f)
            {
                (muscle[i] < 0.5f ? tissue : pectoral).Add(values[i]);
            }
        }

        if (tissue.Count < 10)
        {
            return (2048, 4096);
        }

        tissue.Sort();
        pectoral.Sort();
        double low = tissue[(int)(tissue.Count * 0.01)], high = tissue[(int)(tissue.Count * 0.995)];
        if (pectoral.Count > 10)
        {
            high = Math.Max(high, pectoral[(int)(pectoral.Count * 0.9)]);
        }

        return (Math.Round((low + high) / 2), Math.Round(Math.Max(narrowest, (high - low) * 1.1)));
    }

    private sealed class Context(BreastAnatomy anatomy, WorkingGrid grid, VendorProfile vendor, SpectralNoise texture, SpectralNoise strands, SpectralNoise fine)
    {
        private readonly TissueParameters _t = anatomy.Tissue;
        private readonly double _cos = Math.Cos(anatomy.Outline.Tilt);
        private readonly double _sin = Math.Sin(anatomy.Outline.Tilt);
        private readonly (double X, double Y) _ductOrigin = anatomy.Nipple ?? anatomy.Outline.Point(0);
        // The CC sliver is the edge of the muscle, seen through less of it than the MLO wedge.
        private readonly double _pectoralContrast = anatomy.Tissue.PectoralContrast * (anatomy.View == ViewPosition.CC ? 0.45 : 1);
        private readonly double _skinStrength = 0.1 + (0.2 * ((anatomy.Tissue.SkinThickness - 0.8) / 0.8));

        public (float Value, float Noise) Tissue(double x, double y, float depthMm, float muscle, bool inAbdomen, float vesselMm)
        {
            double full = _t.Thickness * (inAbdomen ? _t.AbdomenThickness : 1);
            double u = Math.Clamp(depthMm / (_t.PeripheryWidth * (inAbdomen ? 0.5 : 1)), 0, 1);
            double thickness = full * Math.Sqrt(1 - ((1 - u) * (1 - u)));

            double gland = inAbdomen ? 0.08 + (0.05 * texture.Sample(texture.Real, x, y)) : Gland(x, y, depthMm) * (1 - (0.7 * muscle));
            double attenuation = thickness * (MuFat + ((MuGland - MuFat) * gland));

            // The muscle is denser than fat and the axilla thicker than the compressed breast, more so toward the chest wall.
            double wallward = 0.75 + (0.25 * Math.Clamp(1 - (x / 40), 0, 1));
            attenuation += muscle * _pectoralContrast * (MuGland - MuFat) * _t.Thickness * 0.6 * wallward * (1 + (0.05 * fine.Sample(fine.Real, x * 0.5, y * 3)));

            // Skin seen edge-on: a thin bright line along the contour.
            attenuation += _skinStrength * MuFat * _t.Thickness * Math.Exp(-Math.Max(0, depthMm) / _t.SkinThickness);
            attenuation += Extras(x, y) + (2 * (MuGland - MuFat) * vesselMm);

            // Vendor-like processing: equalise, then the contrast curve from fat to dense tissue.
            double equalised = attenuation + (vendor.Equalisation * MuFat * (full - thickness));
            double fat = MuFat * _t.Thickness, dense = MuGland * _t.Thickness;
            double v = (equalised - fat) / (dense - fat);
            double k = vendor.Compression;
            double curve = v <= 0 || Math.Abs(k) < 1e-6 ? v : (1 - Math.Exp(-k * v)) / (1 - Math.Exp(-k));
            double value = vendor.FatValue + ((vendor.DenseValue - vendor.FatValue) * curve) + (vendor.SkinEnhancement * Math.Exp(-Math.Max(0, depthMm) / 1.2));
            value = Knee(value * vendor.Scale, vendor.MaxValue);

            // Fewer quanta behind denser tissue: more noise on the log scale.
            double noise = vendor.NoiseSigma * vendor.Scale * (0.8 + (0.4 * Math.Clamp(v, -1, 2)));
            return ((float)value, (float)Math.Max(0, noise));
        }

        /// <summary>Fibroglandular share (0-1) at a point: density map times a thresholded texture, plus ligament strands.</summary>
        private double Gland(double x, double y, float depthMm)
        {
            double dx = x - _t.GlandCentre.X, dy = y - _t.GlandCentre.Y;
            double along = ((dx * _cos) + (dy * _sin)) / _t.GlandAlong;
            double across = ((-dx * _sin) + (dy * _cos)) / _t.GlandAcross;
            double q = (along * along) + (across * across);
            double envelope = Math.Exp(-q * Math.Sqrt(q));
            envelope *= Smooth(depthMm / _t.SubcutaneousFat) * Smooth(x / _t.RetroglandularFat);
            double gland = 0;

            // Far from the glandular cone the texture would not show: its lookups are skipped (most of a fatty breast).
            if (envelope >= 1e-3)
            {
                // Ducts run toward the nipple: sample the texture in polar coordinates around it, drawn out radially.
                double rx = x - _ductOrigin.X, ry = y - _ductOrigin.Y;
                double radius = Math.Sqrt((rx * rx) + (ry * ry));
                double angle = Math.Atan2(ry, -rx);
                double ducts = texture.Sample(texture.Imaginary, 200 + (radius / _t.DuctStretch), 200 + (angle * 80));
                double patchy = (0.65 * texture.Sample(texture.Real, x, y)) + (0.55 * ducts);

                // Fibrous strands converging on the nipple: the zero lines of a smooth field, drawn out far along the same
                // polar frame (a fine field would break them into dashes).
                double ridge = strands.Sample(strands.Imaginary, 100 + (radius / (3 * _t.DuctStretch)), 100 + (angle * 150));
                double fibres = Math.Exp(-(ridge * ridge) / 0.004);

                // The fine band modulates the tissue instead of cutting it (cut, it would speckle like salt and pepper).
                gland = _t.GlandAmount * envelope * Sigmoid((patchy + _t.GlandThreshold) / 0.5) * (1 + (0.06 * fine.Sample(fine.Imaginary, x, y)));
                gland += 0.08 * fibres * envelope * (0.4 + _t.GlandAmount);
            }

            if (_t.LigamentStrength > 0)
            {
                // Cooper's ligaments: scalloped arcs roughly parallel to the skin in the fat, broken into pieces.
                double wobbly = depthMm + (3 * strands.Sample(strands.Real, x, y));
                double phase = (wobbly / _t.LigamentSpacing) - Math.Floor(wobbly / _t.LigamentSpacing);
                double offLine = Math.Min(phase, 1 - phase) * _t.LigamentSpacing;
                double pieces = Smooth((strands.Sample(strands.Imaginary, x, y) - 0.2) / 0.6);
                gland += _t.LigamentStrength * Math.Exp(-(offLine * offLine) / 0.05) * pieces * (1 - envelope) * Smooth((depthMm - 2) / 4);
            }

            return Math.Clamp(gland, 0, 1);
        }

        /// <summary>The nipple's shadow, the fold's crease and calcifications: small attenuating details.</summary>
        private double Extras(double x, double y)
        {
            double extra = 0;
            if (anatomy.NippleShadow is { } shadow)
            {
                double r = Math.Sqrt(((x - shadow.X) * (x - shadow.X)) + ((y - shadow.Y) * (y - shadow.Y))) / shadow.Radius;
                extra += MuGland * 2 * (1 - Smooth((r - 0.5) / 0.9));
            }

            if (anatomy.FoldLine.Count > 1 && y > anatomy.FoldLine[0].Y - 6)
            {
                double d = DistanceToPolyline(anatomy.FoldLine, x, y);
                extra += 0.35 * MuFat * _t.Thickness * Math.Exp(-(d * d) / (2 * 0.7 * 0.7));
            }

            foreach (var c in _t.Calcifications)
            {
                double dx = x - c.X, dy = y - c.Y;
                double spread = Math.Max(c.Radius, grid.Spacing * 0.6);
                if (Math.Abs(dx) < 4 * spread && Math.Abs(dy) < 4 * spread)
                {
                    extra += 0.3 * Math.Min(1, (c.Radius * c.Radius) / (spread * spread)) * Math.Exp(-((dx * dx) + (dy * dy)) / (2 * spread * spread));
                }
            }

            return extra;
        }

        private static double DistanceToPolyline(List<(double X, double Y)> line, double x, double y)
        {
            double best = double.MaxValue;
            for (int i = 0; i + 1 < line.Count; i++)
            {
                var (ax, ay) = line[i];
                var (bx, by) = line[i + 1];
                double vx = bx - ax, vy = by - ay;
                double t = Math.Clamp((((x - ax) * vx) + ((y - ay) * vy)) / Math.Max(1e-9, (vx * vx) + (vy * vy)), 0, 1);
                double dx = x - (ax + (t * vx)), dy = y - (ay + (t * vy));
                best = Math.Min(best, (dx * dx) + (dy * dy));
            }

            return Math.Sqrt(best);
        }

        private static double Smooth(double t)
        {
            t = Math.Clamp(t, 0, 1);
            return t * t * (3 - (2 * t));
        }

        private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

        /// <summary>Values above 85% of the range bend over smoothly toward the maximum instead of clipping (as processing curves do).</summary>
        private static double Knee(double value, double max)
        {
            double knee = 0.85 * max, room = max - knee;
            return value <= knee ? Math.Max(0, value) : knee + (room * (1 - Math.Exp(-(value - knee) / room)));
        }
    }
}
