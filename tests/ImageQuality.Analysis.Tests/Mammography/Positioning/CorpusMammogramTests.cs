using ImageQuality.Analysis.Mammography;
using ImageQuality.Analysis.Mammography.Positioning;
using ImageQuality.Analysis.Overlays;
using ImageQuality.Dicom;
using ImageQuality.Dicom.Imaging.Rendering;
using ImageQuality.Dicom.Tests.Corpus;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageQuality.Analysis.Tests.Mammography.Positioning;

/// <summary>
/// The real mammograms of the corpus: landmarks must be plausible (no ground truth exists for them), and the overlay
/// is kept as a test artefact for a person to look at.
/// </summary>
public sealed class CorpusMammogramTests
{
    private const string Mlo = "mammo_dicom/GH133_GE_SenographeEssential_R_MLO_JPEGLossless.dcm";

    [Test]
    public void The_GE_right_MLO_has_its_nipple_on_the_skin_and_its_muscle_in_the_chest_wall_corner()
    {
        string path = TestCorpus.File(Mlo);
        using var engine = new PositioningEngine(new PositioningOptions());
        var instance = InstanceContext.Load(path);
        PositioningAnalysis a = engine.Analyze(instance, "MLO");

        a.Landmarks.ChestWallSide.Should().Be("right", "PatientOrientation P\\FL puts the chest wall (posterior) on the right");
        a.Columns.Should().BeGreaterThan(1000);
        double mm = a.Spacing.ColumnMm;

        var nipple = a.Landmarks.Nipple!.Value;
        double toSkin = DistanceToOutline(nipple, a.Landmarks.BreastPolygon) * mm;
        // In profile it is on the skin line; projected over the breast it is still within about a centimetre of it.
        toSkin.Should().BeLessThan(10, "the nipple lies on (or, not in profile, just inside) the skin contour");
        // The chest wall is on the right: the nipple lies in the front half of the breast's depth from it.
        double front = a.Landmarks.BreastPolygon.Min(p => p.X);
        (a.Columns - 1 - nipple.X).Should().BeGreaterThan(0.5 * (a.Columns - 1 - front), "the nipple points away from the chest wall");

        var edge = a.Landmarks.PectoralEdge!;
        edge[0].Y.Should().BeLessThan(a.Rows * 0.03, "the muscle edge starts at the top of the image");
        edge[0].X.Should().BeGreaterThan(a.Columns * 0.6, "in the chest-wall corner");
        edge[1].Y.Should().BeGreaterThan(edge[0].Y + (a.Rows * 0.15), "and runs down");
        edge[1].X.Should().BeGreaterThan(edge[0].X, "toward the chest wall");
        a.Measures.PnlLengthMm.Should().BeInRange(40, 200);

        SaveOverlay(instance, a, "GH133_R_MLO_overlay.png");
    }

    [Test]
    public void The_biopsy_spot_view_is_not_judged_as_a_screening_view()
    {
        var instance = InstanceContext.Load(TestCorpus.File("mammo_dicom/OutOfBoundsOverlay_Siemens_Mammomat_L_CC_biopsy_JPEGLossless.dcm"));
        using var engine = new PositioningEngine(new PositioningOptions());

        var findings = new MammographyPositioningAnalyzer(engine).AnalyzeAsync(instance, CancellationToken.None).AsTask().Result.Findings;

        findings.Should().ContainSingle().Which.Should().BeEquivalentTo(new { CriterionId = PositioningCriteria.Scope, Outcome = FindingOutcome.NotAssessable });
        findings[0].Message.Should().Contain("biopsy");
    }

    [Test]
    public void A_header_only_file_with_a_token_image_is_not_assessable_rather_than_measured()
    {
        var instance = InstanceContext.Load(TestCorpus.File("mammo_dicom/OpenREM_GE_SenoDS_L_CC_ForPresentation_headeronly.dcm"));
        using var engine = new PositioningEngine(new PositioningOptions());

        var findings = new MammographyPositioningAnalyzer(engine).AnalyzeAsync(instance, CancellationToken.None).AsTask().Result.Findings;

        findings.Should().ContainSingle().Which.Message.Should().Contain("too small for a full-field mammogram");
    }

    private static double DistanceToOutline((double X, double Y) p, IReadOnlyList<(double X, double Y)> polygon)
    {
        double best = double.MaxValue;
        for (int i = 0; i < polygon.Count; i++)
        {
            var a = polygon[i];
            var b = polygon[(i + 1) % polygon.Count];
            double dx = b.X - a.X, dy = b.Y - a.Y;
            double t = Math.Clamp((((p.X - a.X) * dx) + ((p.Y - a.Y) * dy)) / Math.Max(1e-9, (dx * dx) + (dy * dy)), 0, 1);
            best = Math.Min(best, Math.Sqrt(Math.Pow(a.X + (t * dx) - p.X, 2) + Math.Pow(a.Y + (t * dy) - p.Y, 2)));
        }

        return best;
    }

    private static void SaveOverlay(InstanceContext instance, PositioningAnalysis analysis, string name)
    {
        DicomFile file = instance.ReadWithPixelData();
        using Image rendered = DicomRenderer.Render(file, new RenderOptions { MaxSize = 1024 });
        using Image<Rgb24> painted = OverlayPainter.Paint(rendered, PositioningOverlay.Geometry(analysis), (double)rendered.Width / analysis.Columns, _ => new Rgb24(0, 255, 0));
        string folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name);
        painted.SaveAsPng(path);
        TestContext.AddTestAttachment(path, "landmarks drawn over the rendered mammogram");
    }
}
