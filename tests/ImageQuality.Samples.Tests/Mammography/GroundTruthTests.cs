using ImageQuality.Samples.Mammography;
using ImageQuality.Samples.Mammography.Truth;

namespace ImageQuality.Samples.Tests.Mammography;

public sealed class GroundTruthTests
{
    private static readonly int[] Seeds = [.. Enumerable.Range(1, 12)];

    [Test]
    public void The_nipple_in_profile_lies_on_the_skin_contour([Values] ViewPosition view)
    {
        foreach (int seed in Seeds)
        {
            MammogramGroundTruth truth = SyntheticMammogramGenerator.Generate(Specs.Small(view, seed)).Truth;

            truth.NippleInProfile.Should().BeTrue();
            PolygonMath.DistanceToBoundary(truth.BreastPolygon!, truth.Nipple!.Value).Should().BeLessThan(0.3, $"seed {seed}: the nipple is the tip of the bump on the skin line");
        }
    }

    [Test]
    public void A_nipple_not_in_profile_lies_over_the_breast_away_from_the_skin([Values] ViewPosition view)
    {
        foreach (int seed in Seeds)
        {
            var spec = Specs.Small(view, seed, PositioningFault.NippleNotInProfile);
            MammogramGroundTruth truth = SyntheticMammogramGenerator.Generate(spec).Truth;

            truth.NippleInProfile.Should().BeFalse();
            truth.Faults.Should().Contain("nipple-not-in-profile");
            var nipple = truth.Nipple!.Value;
            PolygonMath.Contains(truth.BreastPolygon!, nipple.X, nipple.Y).Should().BeTrue();
            (PolygonMath.DistanceToBoundary(truth.BreastPolygon!, nipple) * spec.BreastPlaneSpacingMm).Should().BeGreaterThan(3, $"seed {seed}");
        }
    }

    [Test]
    public void The_pectoral_muscle_lies_inside_the_breast_and_its_edge_runs_from_the_top_to_the_chest_wall()
    {
        foreach (int seed in Seeds)
        {
            var spec = Specs.Small(ViewPosition.MLO, seed);
            MammogramGroundTruth truth = SyntheticMammogramGenerator.Generate(spec).Truth;

            var inside = PolygonMath.InteriorSamples(truth.PectoralPolygon!, 3).ToList();
            inside.Should().NotBeEmpty();
            inside.Should().OnlyContain(p => PolygonMath.Contains(truth.BreastPolygon!, p.X, p.Y), $"seed {seed}");
            var (top, bottom) = (truth.PectoralEdge![0], truth.PectoralEdge[1]);
            top.Y.Should().BeApproximately(spec.RowsFlipped == true ? spec.Rows - 0.5 : -0.5, 1e-6, "the edge starts at the top edge of the (canonical) image");
            double wallX = truth.ChestWallSide == "left" ? -0.5 : spec.Columns - 0.5;
            bottom.X.Should().BeApproximately(wallX, 1e-6, "the muscle ends on the chest wall");
        }
    }

    [Test]
    public void A_normal_MLO_shows_the_fold_and_a_muscle_reaching_the_PNL()
    {
        int reaching = 0;
        foreach (int seed in Seeds)
        {
            MammogramGroundTruth truth = SyntheticMammogramGenerator.Generate(Specs.Small(ViewPosition.MLO, seed)).Truth;

            truth.Measures!.ImfVisible.Should().BeTrue($"seed {seed}");
            truth.ImfPolygon.Should().NotBeEmpty();
            truth.Measures.CutOff.Should().BeFalse($"seed {seed}");
            reaching += truth.Measures.PectoralReachesPnl == true ? 1 : 0;
            truth.Measures.PectoralAngleDegrees.Should().BeInRange(5, 50);
        }

        reaching.Should().BeGreaterThanOrEqualTo(Seeds.Length - 1, "a well-positioned muscle reaches the posterior nipple line");
    }

    [Test]
    public void A_short_pectoral_stops_above_the_PNL()
    {
        foreach (int seed in Seeds)
        {
            MammogramGroundTruth truth = SyntheticMammogramGenerator.Generate(Specs.Small(ViewPosition.MLO, seed, PositioningFault.PectoralShort)).Truth;

            truth.Measures!.PectoralReachesPnl.Should().BeFalse($"seed {seed}");
            truth.Measures.PectoralShortfallMm.Should().BeInRange(5, 35);
            truth.Faults.Should().Contain("pectoral-short");
        }
    }

    [Test]
    public void Pectoral_shape_faults_show_in_the_measures()
    {
        foreach (int seed in Seeds)
        {
            TruthMeasures concave = SyntheticMammogramGenerator.Generate(Specs.Small(ViewPosition.MLO, seed, PositioningFault.PectoralConcave)).Truth.Measures!;
            TruthMeasures narrow = SyntheticMammogramGenerator.Generate(Specs.Small(ViewPosition.MLO, seed, PositioningFault.PectoralNarrow)).Truth.Measures!;

            concave.PectoralBulgeMm.Should().BeNegative();
            narrow.PectoralTopWidthMm.Should().BeLessThanOrEqualTo(20);
        }
    }

    [Test]
    public void Missing_fold_cut_off_and_exaggeration_change_the_truth()
    {
        foreach (int seed in Seeds)
        {
            MammogramGroundTruth noFold = SyntheticMammogramGenerator.Generate(Specs.Small(ViewPosition.MLO, seed, PositioningFault.ImfNotShown)).Truth;
            MammogramGroundTruth cut = SyntheticMammogramGenerator.Generate(Specs.Small((ViewPosition)(seed % 2), seed, PositioningFault.CutOff)).Truth;
            MammogramGroundTruth turned = SyntheticMammogramGenerator.Generate(Specs.Small(ViewPosition.CC, seed, PositioningFault.CcExaggerated)).Truth;
            MammogramGroundTruth straight = SyntheticMammogramGenerator.Generate(Specs.Small(ViewPosition.CC, seed)).Truth;

            noFold.Measures!.ImfVisible.Should().BeFalse();
            noFold.ImfPolygon.Should().BeEmpty();
            cut.Measures!.CutOff.Should().BeTrue($"seed {seed}");
            cut.Measures.CutOffLengthMm.Should().BeGreaterThan(5);
            Math.Abs(turned.Measures!.NippleAngleDegrees!.Value).Should().BeGreaterThan(10, $"seed {seed}");
            Math.Abs(straight.Measures!.NippleAngleDegrees!.Value).Should().BeLessThan(10, $"seed {seed}");
            straight.Measures.CutOff.Should().BeFalse();
        }
    }

    [Test]
    public void The_PNL_foot_lies_on_the_pectoral_line_on_MLO_and_on_the_chest_wall_on_CC()
    {
        var mlo = SyntheticMammogramGenerator.Generate(Specs.Small(ViewPosition.MLO, 3)).Truth;
        var cc = SyntheticMammogramGenerator.Generate(Specs.Small(ViewPosition.CC, 3) with { ChestWallOnRight = true }).Truth;

        var (a, b) = (mlo.PectoralEdge![0], mlo.PectoralEdge[1]);
        var foot = mlo.Measures!.PnlFoot!.Value;
        double cross = ((b.X - a.X) * (foot.Y - a.Y)) - ((b.Y - a.Y) * (foot.X - a.X));
        (Math.Abs(cross) / Math.Sqrt(((b.X - a.X) * (b.X - a.X)) + ((b.Y - a.Y) * (b.Y - a.Y)))).Should().BeLessThan(0.01);
        cc.Measures!.PnlFoot!.Value.X.Should().BeApproximately(cc.Columns - 0.5, 1e-6, "no muscle at the nipple's row: the PNL ends on the chest wall");
        cc.Measures.PnlLengthMm.Should().BeApproximately((cc.Columns - 0.5 - cc.Nipple!.Value.X) * cc.PixelSpacingMm.Column, 1e-6);
    }

    [Test]
    public void The_rendered_skin_edge_is_where_the_truth_says()
    {
        var spec = Specs.Small(ViewPosition.CC, 5) with { Vendor = VendorStyle.GeLike, Binning = 4 };
        SyntheticMammogram image = SyntheticMammogramGenerator.Generate(spec);
        var polygon = image.Truth.BreastPolygon!;
        int insideDark = 0, outsideBright = 0, checkedPixels = 0;
        for (int y = 2; y < image.Rows - 2; y += 7)
        {
            for (int x = 2; x < image.Columns - 2; x += 7)
            {
                double d = PolygonMath.DistanceToBoundary(polygon, (x, y));
                if (d < 1.5)
                {
                    continue;
                }

                checkedPixels++;
                ushort value = image.Pixels[(y * image.Columns) + x];
                bool inside = PolygonMath.Contains(polygon, x, y);
                insideDark += inside && value < 500 ? 1 : 0;
                outsideBright += !inside && value != 0 ? 1 : 0;
            }
        }

        checkedPixels.Should().BeGreaterThan(1000);
        insideDark.Should().Be(0, "GE-like tissue is far above its background of 0");
        outsideBright.Should().Be(0, "air more than 1.5 pixels outside the skin line is background");
    }

    [Test]
    public void The_chest_wall_is_stored_where_PatientOrientation_and_the_truth_say([Values] bool chestWallOnRight)
    {
        var spec = Specs.Small(ViewPosition.MLO, 7) with { ChestWallOnRight = chestWallOnRight, Photometric = PhotometricInterpretation.Monochrome1 };
        SyntheticMammogram image = SyntheticMammogramGenerator.Generate(spec);

        image.PatientOrientation[0].Should().Be(chestWallOnRight ? "P" : "A");
        image.Truth.ChestWallSide.Should().Be(chestWallOnRight ? "right" : "left");
        double left = ColumnMean(image, 1), right = ColumnMean(image, image.Columns - 2);
        (chestWallOnRight ? right < left : left < right).Should().BeTrue("MONOCHROME1 tissue has lower values than air");
    }

    private static double ColumnMean(SyntheticMammogram image, int column)
    {
        double sum = 0;
        for (int y = 0; y < image.Rows; y++)
        {
            sum += image.Pixels[(y * image.Columns) + column];
        }

        return sum / image.Rows;
    }
}
