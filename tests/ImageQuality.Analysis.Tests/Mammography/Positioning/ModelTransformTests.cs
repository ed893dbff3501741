using ImageQuality.Analysis.Mammography.Landmarks;
using ImageQuality.Dicom;

namespace ImageQuality.Analysis.Tests.Mammography.Positioning;

public sealed class ModelTransformTests
{
    [TestCase(false, false)]
    [TestCase(true, false)]
    [TestCase(false, true)]
    [TestCase(true, true)]
    public void Image_and_model_coordinates_map_back_and_forth(bool flipColumns, bool flipRows)
    {
        var transform = new ModelTransform(3328, 4096, new CanonicalOrientation(flipColumns, flipRows, "header"));
        foreach (var (x, y) in new[] { (0.0, 0.0), (3327.0, 4095.0), (1234.5, 77.25) })
        {
            var (mx, my) = transform.ToModel(x, y);
            var (ix, iy) = transform.ToImage(mx, my);
            ix.Should().BeApproximately(x, 1e-9);
            iy.Should().BeApproximately(y, 1e-9);
        }

        // The chest wall is at model column 0 whichever side it is stored on.
        var chestWall = transform.ToModel(flipColumns ? 3327 : 0, 2048);
        chestWall.X.Should().BeLessThan(0);
    }

    [Test]
    public void The_input_puts_tissue_bright_and_the_chest_wall_left_whatever_the_storage()
    {
        // Tissue (low values in MONOCHROME1) along the right edge of a 512 x 640 image.
        const int w = 512, h = 640;
        var values = new float[w * h];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                values[(y * w) + x] = x > w / 2 ? 100 : 4000;
            }
        }

        var plane = new MammogramPlane(values, w, h, monochrome1: true);
        CanonicalOrientation.ChestWallOnRightByImage(plane).Should().BeTrue();
        var (tensor, _) = LandmarkModelInput.Prepare(plane, new CanonicalOrientation(true, false, "image"));

        tensor.Should().HaveCount(LandmarkModelInput.Width * LandmarkModelInput.Height);
        tensor[(100 * LandmarkModelInput.Width) + 5].Should().Be(1, "tissue is bright and at the left after the flip");
        tensor[(100 * LandmarkModelInput.Width) + 250].Should().Be(0);
    }

    [TestCase("P\\FL", true, "header")]
    [TestCase("A\\FR", false, "header")]
    [TestCase("", true, "image")]
    public void PatientOrientation_decides_where_it_agrees_with_the_tissue(string orientation, bool onRight, string source)
    {
        var ds = new DicomDataset();
        if (orientation.Length > 0)
        {
            ds.AddString(DicomTag.PatientOrientation, DicomVR.CS, orientation);
        }

        // The right edge is only slightly fuller than the left, against dense tissue in the middle: no strong evidence.
        var weak = Plane((x, w) => x > w / 3 && x < 2 * w / 3 ? 3000 : x >= 2 * w / 3 ? 1100 : 1000);
        CanonicalOrientation.Determine(ds, weak).Should().Be(new CanonicalOrientation(onRight, false, source));
    }

    [Test]
    public void A_PatientOrientation_contradicted_by_a_clear_image_is_overruled()
    {
        var ds = new DicomDataset();
        ds.AddString(DicomTag.PatientOrientation, DicomVR.CS, "P\\FL");

        // Tissue on the left, air on the right, although the header says the chest wall is on the right.
        var clear = Plane((x, w) => x < w / 2 ? 3000 : 50);
        CanonicalOrientation.Determine(ds, clear).Should().Be(new CanonicalOrientation(false, false, "image (PatientOrientation disagreed)"));
    }

    private static MammogramPlane Plane(Func<int, int, float> value)
    {
        const int w = 400, h = 500;
        var values = new float[w * h];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                values[(y * w) + x] = value(x, w);
            }
        }

        return new MammogramPlane(values, w, h, monochrome1: false);
    }
}
