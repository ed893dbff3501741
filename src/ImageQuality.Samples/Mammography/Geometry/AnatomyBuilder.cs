using static ImageQuality.Samples.Mammography.RandomExtensions;

namespace ImageQuality.Samples.Mammography.Geometry;

/// <summary>
/// Draws one breast for a spec: outline, nipple, muscle, fold and tissue make-up, laid out on the detector the way a
/// technologist would position it, then bent by the requested faults. Sizes the spec asks for are shrunk where the
/// detector cannot hold them without a cut-off the spec did not ask for.
/// </summary>
internal static class AnatomyBuilder
{
    /// <summary>How far render outlines run past the image edges (more than the renderer's working margin).</summary>
    public const double Margin = 25;

    public static BreastAnatomy Build(SyntheticMammogramSpec spec, Random random)
    {
        double s = spec.BreastPlaneSpacingMm;
        var frame = new Frame(spec.Columns * s, spec.Rows * s, spec, random);
        return spec.ViewPosition == ViewPosition.CC ? BuildCc(frame) : BuildMlo(frame);
    }

    private static BreastAnatomy BuildCc(Frame f)
    {
        Random random = f.Random;
        SyntheticMammogramSpec spec = f.Spec;
        bool exaggerated = spec.Has(PositioningFault.CcExaggerated);
        bool cutOff = spec.Has(PositioningFault.CutOff);
        bool anteriorCut = cutOff && (!spec.EffectiveDetector.IsLarge ? random.Chance(0.5) : random.Chance(0.15));

        // Lateral is at the top of the canonical CC: an exaggerated CC turns the nipple that way.
        double tilt = exaggerated ? -Radians(random.Uniform(15, 28)) : Radians(Math.Clamp(random.Gaussian(0, 2), -5, 5));
        double cx = -random.Uniform(8, 30);
        double half = spec.BreastWidthMm / 2;
        double upper = half * random.Uniform(0.94, 1.06), lower = upper * random.Uniform(0.95, 1.05);
        double upperExponent = random.Uniform(1.8, 2.3), lowerExponent = random.Uniform(1.8, 2.3);
        var harmonics = Harmonics(random);
        double anterior = spec.BreastDepthMm - cx;
        double nippleHeight = random.Uniform(3, 6.5);
        double yc = f.Height * (0.5 + random.Uniform(-0.05, 0.05));

        BreastOutline Make() => new((cx, yc), tilt, anterior, upper, lower, upperExponent, lowerExponent, harmonics);

        // Fit the breast to the detector unless the spec asks for it to run off.
        var outline = Make();
        for (int i = 0; i < 4 && !anteriorCut; i++)
        {
            double excess = MaxX(outline) + nippleHeight - (f.Width - 10);
            if (excess <= 0)
            {
                break;
            }

            anterior -= excess + 2;
            outline = Make();
        }

        var (top, bottom) = WallSpan(outline);
        double span = bottom - top, room = f.Height - 24;
        if (span > room)
        {
            upper *= room / span;
            lower *= room / span;
            outline = Make();
            (top, bottom) = WallSpan(outline);
        }

        yc += top < 12 ? 12 - top : bottom > f.Height - 12 ? f.Height - 12 - bottom : 0;
        if (cutOff && !anteriorCut)
        {
            // Medial or lateral tissue runs off the bottom or top edge.
            outline = Make();
            (top, bottom) = WallSpan(outline);
            double overrun = random.Uniform(8, 30);
            yc += random.Chance(0.5) ? -(top + overrun) : f.Height + overrun - bottom;
        }
        else if (anteriorCut)
        {
            anterior = f.Width + random.Uniform(5, 30) - cx;
        }

        outline = Make();
        var nipple = PlaceNipple(outline, Radians(Math.Clamp(random.Gaussian(0, 2), -4, 4)), nippleHeight, spec.Has(PositioningFault.NippleNotInProfile), random, f);

        List<(double X, double Y)> skin = outline.Trace(-Math.PI, Math.PI);
        (top, bottom) = WallSpan(outline);
        PectoralMuscle? sliver = null;
        double sliverHalf = random.Uniform(15, 35);
        if (random.Chance(0.35) && bottom - top > (2 * sliverHalf) + 30)
        {
            double centre = random.Uniform(top + sliverHalf + 12, bottom - sliverHalf - 12);
            sliver = PectoralMuscle.Sliver(random.Uniform(4, 15), centre, sliverHalf, Margin);
        }

        return new BreastAnatomy
        {
            View = ViewPosition.CC,
            WidthMm = f.Width,
            HeightMm = f.Height,
            Margin = Margin,
            Outline = outline,
            SkinRender = skin,
            AbdomenRender = [],
            FoldLine = [],
            Pectoral = sliver,
            Nipple = nipple.Point,
            NippleInProfile = nipple.InProfile,
            NippleShadow = nipple.Shadow,
            Tissue = Tissue(outline, spec, random, glandUpward: 0),
            Faults = spec.Faults,
        };
    }

    private static BreastAnatomy BuildMlo(Frame f)
    {
        Random random = f.Random;
        SyntheticMammogramSpec spec = f.Spec;
        bool cutOff = spec.Has(PositioningFault.CutOff);
        bool anteriorCut = cutOff && (!spec.EffectiveDetector.IsLarge ? random.Chance(0.5) : random.Chance(0.15));
        bool bottomCut = cutOff && !anteriorCut;
        bool foldShown = !spec.Has(PositioningFault.ImfNotShown) && !bottomCut;

        // MLO breasts hang a little: the axis points slightly down.
        double tilt = Radians(random.Uniform(0, 12));
        double cx = -random.Uniform(10, 30);
        double depth = spec.BreastDepthMm * random.Uniform(1.0, 1.08);
        double anterior = depth - cx;
        double lower = spec.BreastWidthMm * random.Uniform(0.30, 0.42);
        double upperExponent = random.Uniform(1.3, 1.9), lowerExponent = random.Uniform(1.9, 2.6);
        var harmonics = Harmonics(random);
        double nippleHeight = random.Uniform(3, 6.5);
        double upper = 150, yc = 0;

        BreastOutline Make() => new((cx, yc), tilt, anterior, upper, lower, upperExponent, lowerExponent, harmonics);

        for (int i = 0; i < 4 && !anteriorCut; i++)
        {
            double excess = MaxX(Make()) + nippleHeight - (f.Width - 10);
            if (excess <= 0)
            {
                break;
            }

            anterior -= excess + 2;
        }

        if (anteriorCut)
        {
            anterior = f.Width + random.Uniform(5, 30) - cx;
        }

        // Where the lowest point of the breast lies decides the height: the fold sits there.
        double lowOffset = LowestPoint(Make()).Point.Y;
        double foldTarget = bottomCut ? f.Height + random.Uniform(10, 40)
            : foldShown ? Math.Min(f.Height * random.Uniform(0.64, 0.82), f.Height - 20)
            : Math.Min(f.Height * random.Uniform(0.6, 0.8), f.Height - 12);
        yc = foldTarget - lowOffset;

        // The upper semi-axis sets where the skin leaves the top edge (the axilla).
        double axillaTarget = Math.Min(depth * random.Uniform(0.4, 0.65), f.Width * 0.55);
        double lo = Math.Max(yc * 0.5, 10), hi = Math.Max(yc * 6, 400);
        for (int i = 0; i < 40; i++)
        {
            upper = (lo + hi) / 2;
            if (AxillaX(Make()) < axillaTarget)
            {
                lo = upper;
            }
            else
            {
                hi = upper;
            }
        }

        var outline = Make();
        var nipple = PlaceNipple(outline, Radians(random.Uniform(-3, 6)), nippleHeight, spec.Has(PositioningFault.NippleNotInProfile), random, f);
        double axilla = AxillaX(outline);

        // The fold: the lowest point of the breast, or a little forward of the chest wall where the breast bottoms out there.
        var low = LowestPoint(outline);
        double foldPhi = low.Point.X >= 6 ? low.Phi : outline.FindCrossing(low.Phi, 0, p => p.X, 6) ?? low.Phi;
        var fold = outline.Point(foldPhi);
        List<(double X, double Y)> skin, abdomen = [], foldLine = [];
        double wallBottom;
        if (foldShown)
        {
            double drop = random.Uniform(3, 12);
            foldLine = Curve(fold, (fold.X * 0.4, fold.Y + (drop * 0.8)), (-Margin, fold.Y + drop + 4));
            skin = [.. outline.Trace(-Math.PI, foldPhi), .. foldLine.Skip(1)];
            abdomen = Abdomen(fold, f.Height, random);
            abdomen.AddRange([(-Margin - 1, f.Height + Margin), .. Enumerable.Reverse(foldLine)]);
            wallBottom = fold.Y + (drop * 0.8);
        }
        else
        {
            skin = outline.Trace(-Math.PI, Math.PI);
            wallBottom = outline.FindCrossing(low.Phi, Math.PI, p => p.X, 0) is { } wall ? outline.Point(wall).Y : f.Height;
        }

        PectoralMuscle pectoral = Pectoral(f, axilla, Math.Min(wallBottom, f.Height) - 8, nipple.Point, random);
        return new BreastAnatomy
        {
            View = ViewPosition.MLO,
            WidthMm = f.Width,
            HeightMm = f.Height,
            Margin = Margin,
            Outline = outline,
            SkinRender = skin,
            AbdomenRender = abdomen,
            FoldLine = foldLine,
            Pectoral = pectoral,
            Nipple = nipple.Point,
            NippleInProfile = nipple.InProfile,
            NippleShadow = nipple.Shadow,
            Tissue = Tissue(outline, spec, random, glandUpward: lower * random.Uniform(0, 0.3)),
            Faults = spec.Faults,
        };
    }

    /// <summary>
    /// The MLO muscle: wide at the top just short of the axillary skin (a thin strip when narrow), bowed by its
    /// shape, and long enough to reach the posterior nipple line with room to spare, or short of it by 8-30 mm.
    /// </summary>
    private static PectoralMuscle Pectoral(Frame f, double axilla, double maxLength, (double X, double Y)? nipple, Random random)
    {
        SyntheticMammogramSpec spec = f.Spec;
        double topWidth = spec.Has(PositioningFault.PectoralNarrow) ? random.Uniform(8, 20) : axilla - random.Uniform(3, 10);
        topWidth = Math.Clamp(topWidth, 8, Math.Max(8, axilla - 4));
        if (!spec.Has(PositioningFault.PectoralNarrow))
        {
            topWidth = Math.Max(topWidth, Math.Min(axilla - 4, 28));
        }

        double bulge = spec.Has(PositioningFault.PectoralConcave) ? -Math.Min(random.Uniform(4, 9), topWidth / 3)
            : random.Chance(0.25) ? random.Uniform(-1, 1.5) : random.Uniform(2, 8);

        // Angles from the vertical beyond about 45 degrees do not occur; below 12 only in a narrow muscle.
        double minLength = Math.Max(25, topWidth / Math.Tan(Radians(48)));
        double longest = Math.Max(minLength + 1, Math.Min(maxLength, topWidth / Math.Tan(Radians(spec.Has(PositioningFault.PectoralNarrow) ? 3 : 12))));
        double length;
        if (nipple is not { } n)
        {
            length = random.Uniform(Math.Min(minLength + 40, longest), longest);
        }
        else if (spec.Has(PositioningFault.PectoralShort))
        {
            // Short of the PNL by 8-30 mm; where the nipple sits so high that no length of this muscle falls short, the
            // muscle is made narrower at the top as well (short muscles are often thin).
            double target = random.Uniform(8, 30);
            length = minLength;
            for (int attempt = 0; attempt < 8; attempt++)
            {
                double best = double.MaxValue;
                for (double l = minLength; l <= longest; l += 0.5)
                {
                    double miss = Math.Abs(PosteriorNippleLine.Mlo(n, (topWidth, 0), (0, l)).Shortfall - target);
                    if (miss < best)
                    {
                        best = miss;
                        length = l;
                    }
                }

                if (PosteriorNippleLine.Mlo(n, (topWidth, 0), (0, length)).Shortfall >= 5 || topWidth <= 12)
                {
                    break;
                }

                topWidth = Math.Max(12, topWidth * 0.8);
                minLength = Math.Max(25, topWidth / Math.Tan(Radians(48)));
                longest = Math.Max(minLength + 1, Math.Min(maxLength, topWidth / Math.Tan(Radians(9))));
            }
        }
        else
        {
            // A well-positioned muscle reaches the PNL: where this one cannot within the chest wall, it is made wider
            // at the top (a wider muscle leans more, and the PNL meets it higher up).
            double? reach = ShortestReaching(n, topWidth, minLength, longest);
            while (reach is null && topWidth + 4 <= axilla - 3 && !spec.Has(PositioningFault.PectoralNarrow))
            {
                topWidth += 4;
                minLength = Math.Max(25, topWidth / Math.Tan(Radians(48)));
                longest = Math.Max(minLength + 1, Math.Min(maxLength, topWidth / Math.Tan(Radians(9))));
                reach = ShortestReaching(n, topWidth, minLength, longest);
            }

            // Within what reaches, an angle from the vertical of 18-40 degrees where the anatomy allows it.
            double shortest = reach is { } r ? Math.Min(r + 5, longest) : longest;
            double from = Math.Max(shortest, topWidth / Math.Tan(Radians(40))), to = Math.Min(longest, topWidth / Math.Tan(Radians(18)));
            length = from <= to ? random.Uniform(from, to) : random.Uniform(shortest, longest);
        }

        return PectoralMuscle.Wedge(topWidth, length, bulge, random.Uniform(0, 1.2), random.Uniform(0, 2 * Math.PI), Margin);
    }

    /// <summary>The shortest muscle (from the longest down) whose edge the nipple's PNL still meets; null when none does.</summary>
    private static double? ShortestReaching((double X, double Y) nipple, double topWidth, double minLength, double longest)
    {
        double? reach = null;
        for (double l = longest; l >= minLength; l -= 0.5)
        {
            if (PosteriorNippleLine.Mlo(nipple, (topWidth, 0), (0, l)).Shortfall > 0)
            {
                break;
            }

            reach = l;
        }

        return reach;
    }

    private static ((double X, double Y)? Point, bool InProfile, (double X, double Y, double Radius)? Shadow) PlaceNipple(
        BreastOutline outline, double phi, double height, bool notInProfile, Random random, Frame f)
    {
        if (!notInProfile)
        {
            outline.AddNipple(phi, height, random.Uniform(2.5, 4.5));
            var tip = outline.Point(phi);
            return (Inside(tip, f) ? tip : null, true, null);
        }

        // Rotated out of profile: the nipple's shadow falls over the breast above or below the apex.
        double side = random.Chance(0.5) ? 1 : -1;
        double turn = phi + (side * Radians(random.Uniform(6, 18)));
        double inward = random.Uniform(6, 18);
        var centre = outline.At(turn, outline.BaseRadius(turn) - inward);
        double radius = random.Uniform(3.5, 6);
        return (Inside(centre, f) ? centre : null, false, (centre.X, centre.Y, radius));
    }

    private static bool Inside((double X, double Y) p, Frame f) => p.X >= 0 && p.Y >= 0 && p.X <= f.Width && p.Y <= f.Height;

    /// <summary>The abdominal skin below the fold: down from the fold point, leaning and bulging a little forward.</summary>
    private static List<(double X, double Y)> Abdomen((double X, double Y) fold, double height, Random random)
    {
        double lean = random.Uniform(0.05, 0.4), bulge = random.Uniform(5, 25), reach = random.Uniform(30, 90);
        var points = new List<(double X, double Y)>();
        for (double y = fold.Y; y <= height + Margin; y += 0.5)
        {
            double t = y - fold.Y;
            points.Add((Math.Max(2, fold.X + (lean * t) + (bulge * Math.Sin(Math.PI / 2 * Math.Min(1, t / reach)))), y));
        }

        points[0] = fold;
        return points;
    }

    private static List<(double X, double Y)> Curve((double X, double Y) a, (double X, double Y) control, (double X, double Y) b)
    {
        var points = new List<(double X, double Y)>();
        for (int i = 0; i <= 40; i++)
        {
            double t = i / 40.0, u = 1 - t;
            points.Add(((u * u * a.X) + (2 * u * t * control.X) + (t * t * b.X), (u * u * a.Y) + (2 * u * t * control.Y) + (t * t * b.Y)));
        }

        return points;
    }

    private static TissueParameters Tissue(BreastOutline outline, SyntheticMammogramSpec spec, Random random, double glandUpward)
    {
        double depth = Math.Max(30, outline.Anterior + outline.Centre.X);
        double along = depth * random.Uniform(0.35, 0.55);
        var centre = outline.At(0, along - outline.Centre.X);
        double thickness = spec.CompressedThicknessMm;
        (double amount, double threshold) = spec.Density switch
        {
            BreastDensity.A => (random.Uniform(0.15, 0.3), random.Uniform(-1.3, -0.8)),
            BreastDensity.B => (random.Uniform(0.35, 0.55), random.Uniform(-0.6, -0.1)),
            BreastDensity.C => (random.Uniform(0.6, 0.8), random.Uniform(0.0, 0.5)),
            _ => (random.Uniform(0.85, 1.0), random.Uniform(0.6, 1.2)),
        };

        var calcifications = new List<(double X, double Y, double Radius)>();
        int count = random.Next(0, 7);
        for (int i = 0; i < count; i++)
        {
            double phi = random.Uniform(-1.2, 1.2);
            double r = outline.BaseRadius(phi) * random.Uniform(0.25, 0.9);
            var p = outline.At(phi, r);
            calcifications.Add((p.X, p.Y, random.Uniform(0.15, 0.5)));
        }

        return new TissueParameters
        {
            Vessels = Vessels(outline, depth, random),
            Thickness = thickness,
            PeripheryWidth = (thickness * random.Uniform(0.45, 0.8)) + 4,
            SkinThickness = random.Uniform(0.8, 1.6),
            GlandCentre = (centre.X, centre.Y - glandUpward),
            GlandAlong = depth * random.Uniform(0.45, 0.65),
            GlandAcross = Math.Max(outline.Lower, Math.Min(outline.Upper, outline.Lower * 1.6)) * random.Uniform(0.6, 0.85),
            GlandAmount = amount,
            GlandThreshold = threshold,
            SubcutaneousFat = random.Uniform(4, 12),
            RetroglandularFat = random.Uniform(5, 20),
            DuctStretch = random.Uniform(1.4, 2.6),
            LigamentStrength = random.Chance(0.8) ? random.Uniform(0.05, 0.2) : 0,
            LigamentSpacing = random.Uniform(5, 12),
            PectoralContrast = 0.05 + (0.7 * Math.Pow(random.NextDouble(), 1.5)),
            PectoralSoftness = random.Uniform(0.3, 2.5),
            AbdomenThickness = random.Uniform(0.85, 1.1),
            Calcifications = calcifications,
        };
    }

    /// <summary>A few vessels winding from the chest wall toward the nipple region (a random walk pulled toward it).</summary>
    private static List<Vessel> Vessels(BreastOutline outline, double depth, Random random)
    {
        var vessels = new List<Vessel>();
        int count = random.Next(2, 8);
        var target = outline.At(0, outline.BaseRadius(0) * 0.8);
        for (int v = 0; v < count; v++)
        {
            double phi = random.Uniform(-1.1, 1.1);
            var start = outline.At(phi, Math.Max(5, -outline.Centre.X + random.Uniform(0, 15)));
            var points = new List<(double X, double Y)> { start };
            double heading = Math.Atan2(target.Y - start.Y, target.X - start.X) + random.Gaussian(0, 0.3);
            double length = depth * random.Uniform(0.4, 0.9);
            for (double travelled = 0; travelled < length; travelled += 2)
            {
                var (x, y) = points[^1];
                double toward = Math.Atan2(target.Y - y, target.X - x);
                heading += (0.05 * Math.Sin(toward - heading)) + random.Gaussian(0, 0.07);
                points.Add((x + (2 * Math.Cos(heading)), y + (2 * Math.Sin(heading))));
            }

            vessels.Add(new Vessel(points, random.Uniform(0.4, 1.1)));
        }

        return vessels;
    }

    private static (double Amplitude, double Phase)[] Harmonics(Random random) =>
        [.. Enumerable.Range(0, 4).Select(_ => (random.Gaussian(0, 0.012), random.Uniform(0, 2 * Math.PI)))];

    private static double MaxX(BreastOutline outline)
    {
        double max = double.MinValue;
        for (double phi = -1.4; phi <= 1.4; phi += 0.005)
        {
            max = Math.Max(max, outline.Point(phi).X);
        }

        return max;
    }

    /// <summary>Where the skin meets the chest-wall edge above and below the breast (CC).</summary>
    private static (double Top, double Bottom) WallSpan(BreastOutline outline)
    {
        double? up = outline.FindCrossing(0, -Math.PI, p => p.X, 0);
        double? down = outline.FindCrossing(0, Math.PI, p => p.X, 0);
        return (up is { } u ? outline.Point(u).Y : outline.Centre.Y - outline.Upper, down is { } d ? outline.Point(d).Y : outline.Centre.Y + outline.Lower);
    }

    /// <summary>Where the skin leaves the top edge of the image (y = 0) above the breast; -1 when it does not.</summary>
    private static double AxillaX(BreastOutline outline) =>
        outline.FindCrossing(0, -Math.PI, p => p.Y, 0) is { } phi && outline.Point(phi).X is var x && x > 0 ? x : -1;

    private static (double Phi, (double X, double Y) Point) LowestPoint(BreastOutline outline)
    {
        double bestPhi = 0;
        var best = outline.Point(0);
        for (double phi = 0; phi < Math.PI - 0.2; phi += 0.004)
        {
            var p = outline.Point(phi);
            if (p.Y > best.Y)
            {
                best = p;
                bestPhi = phi;
            }
        }

        return (bestPhi, best);
    }

    private sealed record Frame(double Width, double Height, SyntheticMammogramSpec Spec, Random Random);
}
