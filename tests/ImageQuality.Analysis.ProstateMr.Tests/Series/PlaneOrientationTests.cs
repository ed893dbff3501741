using ImageQuality.Analysis.ProstateMr.Series;

namespace ImageQuality.Analysis.ProstateMr.Tests.Series;

public sealed class PlaneOrientationTests
{
    [TestCase(new[] { 1.0, 0, 0, 0, 1, 0 }, ImagePlane.Axial, 0)]
    [TestCase(new[] { 0.0, 1, 0, 0, 0, -1 }, ImagePlane.Sagittal, 0)]
    [TestCase(new[] { 1.0, 0, 0, 0, 0, -1 }, ImagePlane.Coronal, 0)]
    [TestCase(new[] { 1.0, 0, 0, 0, 0.91844636706283, -0.3955455357214 }, ImagePlane.Axial, 23.30)]
    [TestCase(new[] { 1.0, 0, 0, 0, 0.6, -0.8 }, ImagePlane.Coronal, 36.87)]
    public void Plane_is_the_dominant_axis_of_the_normal_and_obliquity_its_angle(double[] cosines, ImagePlane plane, double obliquity)
    {
        PlaneOrientation o = PlaneOrientation.From(cosines)!.Value;

        o.Plane.Should().Be(plane);
        o.ObliquityDegrees.Should().BeApproximately(obliquity, 0.01);
    }

    [Test]
    public void Degenerate_cosines_give_no_plane()
    {
        PlaneOrientation.From([1, 0, 0, 1, 0, 0]).Should().BeNull();
        PlaneOrientation.From([1, 0, 0]).Should().BeNull();
    }
}
