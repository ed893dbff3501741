using ImageQuality.Analysis.Mammography.Landmarks;
using ImageQuality.Analysis.Mammography.Positioning;

namespace ImageQuality.Analysis.Tests.Mammography.Positioning;

public sealed class PositioningMeasurerTests
{
    // 2560 x 3200 pixels of 0.1 mm: one grid cell is exactly 1 mm square, so cells read as millimetres.
    private static readonly ModelTransform OneMillimetreCells = new(2560, 3200, new CanonicalOrientation(false, false, "header"));
    private static readonly BreastPlaneSpacing Spacing = new(0.1, 0.1, "test");

    [Test]
    public void A_muscle_reaching_below_the_nipple_meets_the_PNL_and_the_PNL_is_perpendicular_to_its_edge()
    {
        // Edge from (60, 0) to (0, 240) mm: x = 60 − y/4. Nipple at (150.5, 160.5) mm (cell centres).
        var grid = GridDrawing.Landmarks(GridDrawing.Breast(160, 150, 152), GridDrawing.Wedge(60, 240), (150, 160));

        PositioningMeasures m = PositioningMeasurer.Measure(grid, OneMillimetreCells, Spacing, "MLO");

        // The foot of the perpendicular from (150.5, 160.5) on x = 60 − y/4: distance |x + y/4 − 60| / sqrt(1 + 1/16).
        double expected = Math.Abs(150.5 + (160.5 / 4) - 60) / Math.Sqrt(1 + (1.0 / 16));
        m.PnlLengthMm.Should().BeApproximately(expected, 2.5);
        m.PectoralReachesPnl.Should().BeTrue();
        m.PectoralShortfallMm.Should().Be(0);
        m.PectoralAngleDegrees.Should().BeApproximately(Math.Atan(60.0 / 240) * 180 / Math.PI, 1.5);
        m.PectoralTopWidthMm.Should().BeApproximately(60, 2);
        m.PectoralShape.Should().Be(PectoralShape.Straight);
    }

    [Test]
    public void A_short_muscle_is_short_by_the_distance_from_its_lower_end_to_the_foot()
    {
        // Muscle edge x = 40 − y/3 down to row 60 only: it would reach the chest wall at 120 mm but stops at 60 mm.
        var muscle = GridDrawing.FromChestWall(y => y >= 60 ? -1 : 40 - (y / 3.0) - 1);
        var grid = GridDrawing.Landmarks(GridDrawing.Breast(160, 150, 152), muscle, (150, 200));

        PositioningMeasures m = PositioningMeasurer.Measure(grid, OneMillimetreCells, Spacing, "MLO");

        m.PectoralReachesPnl.Should().BeFalse();
        (double X, double Y) bottom = m.PectoralEdgeMm!.Value.Bottom;
        bottom.Y.Should().BeApproximately(60, 1.5);

        // Foot of (150.5, 200.5) on x = 40 − y/3, then its distance along the edge from the lower end.
        double dx = -1 / 3.0, dy = 1, norm = Math.Sqrt((dx * dx) + (dy * dy));
        double along = (((150.5 - 40) * dx) + (200.5 * dy)) / norm;
        double lower = Math.Sqrt(Math.Pow(bottom.X - 40, 2) + Math.Pow(bottom.Y, 2));
        m.PectoralShortfallMm.Should().BeApproximately(along - lower, 3);
    }

    [TestCase(8, PectoralShape.Convex)]
    [TestCase(-8, PectoralShape.Concave)]
    [TestCase(0, PectoralShape.Straight)]
    public void The_border_shape_is_read_against_the_chord(double bulge, PectoralShape expected)
    {
        var grid = GridDrawing.Landmarks(GridDrawing.Breast(160, 150, 152), GridDrawing.Wedge(70, 220, bulge), (150, 160));

        PositioningMeasurer.Measure(grid, OneMillimetreCells, Spacing, "MLO").PectoralShape.Should().Be(expected);
    }

    [Test]
    public void On_CC_the_PNL_runs_to_the_chest_wall_or_to_the_muscle_where_it_shows()
    {
        var breast = GridDrawing.Breast(160, 120, 121);
        var withoutMuscle = PositioningMeasurer.Measure(GridDrawing.Landmarks(breast, new bool[breast.Length], (120, 160)), OneMillimetreCells, Spacing, "CC");
        withoutMuscle.PnlLengthMm.Should().BeApproximately(120.5, 0.01);
        withoutMuscle.NippleAngleDegrees.Should().BeApproximately(0, 0.5);
        withoutMuscle.PectoralVisible.Should().BeFalse();

        var sliver = GridDrawing.FromChestWall(y => y is > 120 and < 200 ? 9 : -1);
        var withMuscle = PositioningMeasurer.Measure(GridDrawing.Landmarks(breast, sliver, (120, 160)), OneMillimetreCells, Spacing, "CC");
        withMuscle.PnlLengthMm.Should().BeApproximately(110.5, 0.01);
        withMuscle.PectoralVisible.Should().BeTrue();
    }

    [Test]
    public void An_exaggerated_CC_points_the_nipple_off_the_PNL_direction()
    {
        var breast = GridDrawing.Breast(160, 120, 121);
        var m = PositioningMeasurer.Measure(GridDrawing.Landmarks(breast, new bool[breast.Length], (100, 100)), OneMillimetreCells, Spacing, "CC");

        m.NippleAngleDegrees.Should().BeApproximately(Math.Atan2(100.5 - 160.5, 100.5) * 180 / Math.PI, 1);
    }

    [Test]
    public void Tissue_on_the_anterior_edge_is_cut_off_but_the_chest_wall_is_not()
    {
        var inside = GridDrawing.Breast(160, 120, 200);
        PositioningMeasurer.Measure(GridDrawing.Landmarks(inside, new bool[inside.Length], (199, 160)), OneMillimetreCells, Spacing, "CC").CutOffLengthMm.Should().Be(0);

        var tooDeep = GridDrawing.FromChestWall(y => Math.Abs(y - 160) < 100 ? GridDrawing.W : -1);
        PositioningMeasurer.Measure(GridDrawing.Landmarks(tooDeep, new bool[tooDeep.Length], (255, 160)), OneMillimetreCells, Spacing, "CC").CutOffLengthMm.Should().BeApproximately(199, 1);
    }

    [Test]
    public void Millimetres_follow_the_pixel_spacing_and_the_grid_stretch()
    {
        // 3328 x 4096 pixels of 0.07 mm: cells of 0.91 x 0.896 mm.
        var transform = new ModelTransform(3328, 4096, new CanonicalOrientation(true, false, "header"));
        var breast = GridDrawing.Breast(160, 120, 121);
        var m = PositioningMeasurer.Measure(GridDrawing.Landmarks(breast, new bool[breast.Length], (120, 160)), transform, new BreastPlaneSpacing(0.07, 0.07, "test"), "CC");

        m.PnlLengthMm.Should().BeApproximately(120.5 * 3328 / 256.0 * 0.07, 0.01);
    }
}
