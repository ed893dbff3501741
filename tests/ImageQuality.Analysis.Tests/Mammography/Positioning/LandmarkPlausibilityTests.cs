using ImageQuality.Analysis.Mammography.Landmarks;

namespace ImageQuality.Analysis.Tests.Mammography.Positioning;

public sealed class LandmarkPlausibilityTests
{
    private static readonly bool[] Breast = GridDrawing.Breast(160, 150, 152);

    [Test]
    public void Anatomical_landmarks_pass_the_cross_check() =>
        LandmarkPlausibility.Check(GridDrawing.Landmarks(Breast, GridDrawing.Wedge(60, 240), (151, 160)), mlo: true).Should().BeNull();

    [Test]
    public void A_nipple_inside_the_breast_far_from_the_skin_is_rejected() =>
        LandmarkPlausibility.Check(GridDrawing.Landmarks(Breast, GridDrawing.Wedge(60, 240), (80, 160)), mlo: true).Should().Contain("skin line");

    [Test]
    public void An_MLO_without_a_muscle_at_the_top_is_rejected_but_a_CC_needs_none()
    {
        var none = new bool[Breast.Length];
        LandmarkPlausibility.Check(GridDrawing.Landmarks(Breast, none, (151, 160)), mlo: true).Should().Contain("pectoral");
        LandmarkPlausibility.Check(GridDrawing.Landmarks(Breast, none, (151, 160)), mlo: false).Should().BeNull();
    }

    [Test]
    public void An_empty_breast_is_rejected() =>
        LandmarkPlausibility.Check(GridDrawing.Landmarks(GridDrawing.Breast(160, 20, 20), new bool[Breast.Length], (19, 160)), mlo: false).Should().Contain("5%");

    [Test]
    public void A_nipple_far_behind_the_front_of_the_breast_is_misplaced_one_at_the_front_is_not()
    {
        var wedge = GridDrawing.Wedge(60, 240);
        LandmarkPlausibility.CheckNipple(GridDrawing.Landmarks(Breast, wedge, (151, 160))).Should().BeNull();
        LandmarkPlausibility.CheckNipple(GridDrawing.Landmarks(Breast, wedge, (60, 290))).Should().Contain("behind the front");
    }
}
