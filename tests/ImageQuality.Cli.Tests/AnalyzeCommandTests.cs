using System.Text.Json;
using ImageQuality.Cli.Tests.Peers;

namespace ImageQuality.Cli.Tests;

public sealed class AnalyzeCommandTests
{
    [Test]
    public void Json_lists_each_image_with_findings_and_landmarks_and_the_study_with_its_grade_and_overlays_are_written()
    {
        string mlo = CliRunner.CorpusFile("mammo_dicom/GH133_GE_SenographeEssential_R_MLO_JPEGLossless.dcm");
        string biopsy = CliRunner.CorpusFile("mammo_dicom/OutOfBoundsOverlay_Siemens_Mammomat_L_CC_biopsy_JPEGLossless.dcm");
        string overlays = Path.Combine(Path.GetTempPath(), $"iq-overlays-{Guid.NewGuid():N}");
        try
        {
            (int code, string output, string error) = CliRunner.Run("analyze", mlo, biopsy, "--json", "--overlays", overlays, "--grading", "PGMI");

            code.Should().Be(1, "a criterion fails on these images (the exit code says findings were made): " + error);
            using JsonDocument json = JsonDocument.Parse(output);
            JsonElement[] images = json.RootElement.GetProperty("images").EnumerateArray().ToArray();
            images.Should().HaveCount(2);

            JsonElement ge = images.Single(i => i.GetProperty("file").GetString() == mlo);
            ge.GetProperty("sopInstanceUid").GetString().Should().Be("1.2.840.113619.2.227.10452012345105.2111150929121006.35");
            ge.GetProperty("view").GetString().Should().Be("MLO");
            JsonElement landmarks = ge.GetProperty("landmarks");
            landmarks.GetProperty("nipple").GetProperty("x").GetDouble().Should().BeInRange(0, ge.GetProperty("columns").GetInt32());
            landmarks.GetProperty("pectoralEdge").GetArrayLength().Should().Be(2);
            landmarks.GetProperty("breastPolygon").GetArrayLength().Should().BeGreaterThan(10);
            landmarks.GetProperty("breastPolygon")[0].GetArrayLength().Should().Be(2, "polygons are [x, y] pairs");
            JsonElement pectoral = ge.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("criterion").GetString() == "mg.position.pectoral-to-pnl");
            pectoral.GetProperty("result").GetString().Should().BeOneOf("pass", "fail");
            pectoral.GetProperty("unit").GetString().Should().Be("mm");
            pectoral.GetProperty("threshold").GetString().Should().Be("reaches the PNL");

            JsonElement spot = images.Single(i => i.GetProperty("file").GetString() == biopsy);
            spot.GetProperty("landmarks").ValueKind.Should().Be(JsonValueKind.Null);
            spot.GetProperty("findings").EnumerateArray().Should().Contain(f => f.GetProperty("criterion").GetString() == "mg.position.scope" && f.GetProperty("result").GetString() == "not-assessable");

            JsonElement study = json.RootElement.GetProperty("studies").EnumerateArray().Single(s => s.GetProperty("studyInstanceUid").GetString() == ge.GetProperty("studyInstanceUid").GetString());
            JsonElement grade = study.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("criterion").GetString() == "mg.exam.positioning-grade");
            grade.GetProperty("unit").GetString().Should().Be("PGMI");
            grade.GetProperty("message").GetString().Should().Contain("missing", "three standard views are not there");

            Directory.GetFiles(overlays, "*.png").Should().ContainSingle("only the judged image gets an overlay")
                .Which.Should().EndWith("1.2.840.113619.2.227.10452012345105.2111150929121006.35.png");
        }
        finally
        {
            if (Directory.Exists(overlays))
            {
                Directory.Delete(overlays, recursive: true);
            }
        }
    }

    [Test]
    public void Text_output_names_each_criterion_and_a_missing_model_file_is_a_usage_error()
    {
        string mlo = CliRunner.CorpusFile("mammo_dicom/GH133_GE_SenographeEssential_R_MLO_JPEGLossless.dcm");

        (_, string output, _) = CliRunner.Run("analyze", mlo);
        output.Should().Contain("(R MLO, ").And.Contain("mg.position.pectoral-to-pnl").And.Contain("mg.exam.positioning-grade");

        (int code, _, string error) = CliRunner.Run("analyze", mlo, "--model", "/nonexistent/model.onnx");
        code.Should().Be(2);
        error.Should().Contain("/nonexistent/model.onnx");
    }

    [Test]
    public void A_prostate_MR_study_is_listed_with_its_series_and_PI_RADS_findings()
    {
        string folder = Path.Combine(PeerTools.CorpusFolder("prostate_mri"), "ProstateX-0218_complete_mpMRI");

        (int code, string output, string error) = CliRunner.Run("analyze", folder, "--json");

        code.Should().Be(1, "the corpus study misses some PI-RADS limits (T2W gap and resolution): " + error);
        using JsonDocument json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("images").GetArrayLength().Should().Be(0, "no mammogram among these files");
        JsonElement study = json.RootElement.GetProperty("studies").EnumerateArray().Single();
        var types = study.GetProperty("series").EnumerateArray().ToDictionary(s => s.GetProperty("seriesNumber").GetInt32(), s => s.GetProperty("seriesType").GetString());
        types.Should().Contain(new KeyValuePair<int, string?>(5, "T2W"), new KeyValuePair<int, string?>(8, "DWI"), new KeyValuePair<int, string?>(9, "ADC"), new KeyValuePair<int, string?>(10, "DWI_CALCULATED"), new KeyValuePair<int, string?>(27, "DCE"));
        JsonElement gap = study.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("criterion").GetString() == "pirads.t2w.slice-gap");
        gap.GetProperty("result").GetString().Should().Be("fail");
        gap.GetProperty("value").GetDouble().Should().BeApproximately(0.6, 0.001);
        gap.GetProperty("limit").GetString().Should().Contain("0 mm");
        gap.GetProperty("seriesNumber").GetInt32().Should().BeOneOf(5, 6);
        output.Should().Contain("≥ 1400", "limits are written as people read them, not \\u escapes");
    }
}
