using ImageQuality.Analysis.ProstateMr.Report;
using ImageQuality.Analysis.ProstateMr.Tests.Corpus;

namespace ImageQuality.Analysis.ProstateMr.Tests.RulePacks;

/// <summary>The PI-RADS v2.1 findings on the real ProstateX-0218 study, against the values dcmdump shows.</summary>
public sealed class ProstateXFindingsTests
{
    // dcmdump, first image of each series:
    //   5 T2W tra: SliceThickness 3, SpacingBetweenSlices 3.6, Rows/Columns 320/320, PixelSpacing 0.625\0.625,
    //     AcquisitionMatrix 320\0\0\310, InPlanePhaseEncodingDirection COL, MagneticFieldStrength 3.
    //   6 T2W cor: the same with AcquisitionMatrix 0\320\310\0 and phase ROW.
    //   8 DWI: SliceThickness 3.5999999046326, SpacingBetweenSlices 3.6, Rows/Columns 130/160, PixelSpacing 1.625,
    //     AcquisitionMatrix 160\0\0\98, COL, TE 60, TR 3300; (0019,100C) 0/100/400/800; series 10: 1600; series 9 ADC.
    //   27–29 DCE: SliceThickness 3.5999999046326, no SpacingBetweenSlices (SliceLocation steps of 3.6),
    //     Rows/Columns 160/160, PixelSpacing 1.625, AcquisitionMatrix 160\0\0\160, COL, TR 3.85, TE 1.42,
    //     AcquisitionTime 125705.315 / 125714.210 / 125718.445.
    private static readonly (string Criterion, int? Series, string Result, double? Value, string Limit)[] Expected =
    [
        ("pirads.field-strength", 5, "pass", 3, "≥ 1.45 T"),
        ("pirads.t2w.planes", 5, "pass", 2, "axial + sagittal or coronal"),
        ("pirads.t2w.slice-thickness", 5, "pass", 3, "≤ 3 mm"),
        ("pirads.t2w.slice-thickness", 6, "pass", 3, "≤ 3 mm"),
        ("pirads.t2w.slice-gap", 5, "fail", 3.6 - 3, "≤ 0 mm"),
        ("pirads.t2w.slice-gap", 6, "fail", 3.6 - 3, "≤ 0 mm"),
        ("pirads.t2w.fov", 5, "pass", 320 * 0.625, "120–200 mm"),
        ("pirads.t2w.fov", 6, "pass", 320 * 0.625, "120–200 mm"),
        ("pirads.t2w.acquired-phase-resolution", 5, "pass", 320 * 0.625 / 310, "≤ 0.7 mm"),
        ("pirads.t2w.acquired-phase-resolution", 6, "pass", 320 * 0.625 / 310, "≤ 0.7 mm"),
        ("pirads.t2w.acquired-frequency-resolution", 5, "fail", 320 * 0.625 / 320, "≤ 0.4 mm"),
        ("pirads.t2w.acquired-frequency-resolution", 6, "fail", 320 * 0.625 / 320, "≤ 0.4 mm"),
        ("pirads.t2w.reconstructed-phase-resolution", 5, "pass", 0.625, "≤ 0.7 mm"),
        ("pirads.t2w.reconstructed-phase-resolution", 6, "pass", 0.625, "≤ 0.7 mm"),
        ("pirads.t2w.reconstructed-frequency-resolution", 5, "fail", 0.625, "≤ 0.4 mm"),
        ("pirads.t2w.reconstructed-frequency-resolution", 6, "fail", 0.625, "≤ 0.4 mm"),
        ("pirads.dwi.present", 8, "pass", 1, "present"),
        ("pirads.dwi.slice-thickness", 8, "pass", 3.5999999046326, "≤ 4 mm"),
        ("pirads.dwi.slice-gap", 8, "pass", 3.6 - 3.5999999046326, "≤ 0 mm"),
        ("pirads.dwi.fov", 8, "fail", 160 * 1.625, "160–220 mm"),
        ("pirads.dwi.acquired-phase-resolution", 8, "pass", 130 * 1.625 / 98, "≤ 2.5 mm"),
        ("pirads.dwi.acquired-frequency-resolution", 8, "pass", 160 * 1.625 / 160, "≤ 2.5 mm"),
        ("pirads.dwi.reconstructed-phase-resolution", 8, "pass", 1.625, "≤ 2.5 mm"),
        ("pirads.dwi.reconstructed-frequency-resolution", 8, "pass", 1.625, "≤ 2.5 mm"),
        ("pirads.dwi.echo-time", 8, "pass", 60, "≤ 90 ms"),
        ("pirads.dwi.repetition-time", 8, "pass", 3300, "> 3000 ms"),
        ("pirads.dwi.b-low", 8, "pass", 0, "0–100 s/mm² (acquired)"),
        ("pirads.dwi.b-intermediate", 8, "pass", 800, "800–1000 s/mm² (acquired)"),
        ("pirads.dwi.b-high", 10, "pass", 1600, "≥ 1400 s/mm² (acquired or calculated)"),
        ("pirads.adc.present", 9, "pass", 1, "present"),
        ("pirads.dce.slice-thickness", 27, "fail", 3.5999999046326, "≤ 3 mm"),
        ("pirads.dce.slice-gap", 27, "pass", 3.6 - 3.5999999046326, "≤ 0 mm"),
        ("pirads.dce.acquired-phase-resolution", 27, "pass", 160 * 1.625 / 160, "≤ 2 mm"),
        ("pirads.dce.acquired-frequency-resolution", 27, "pass", 160 * 1.625 / 160, "≤ 2 mm"),
        ("pirads.dce.reconstructed-phase-resolution", 27, "pass", 1.625, "≤ 2 mm"),
        ("pirads.dce.reconstructed-frequency-resolution", 27, "pass", 1.625, "≤ 2 mm"),
        ("pirads.dce.repetition-time", 27, "pass", 3.85, "< 100 ms"),
        ("pirads.dce.echo-time", 27, "pass", 1.42, "< 5 ms"),
        ("pirads.dce.temporal-resolution", 27, "pass", (8.895 + 4.235) / 2, "≤ 15 s"),
        ("pirads.dce.observation-duration", 27, "fail", 13.13, "≥ 120 s"),
    ];

    [Test]
    public void Findings_match_the_header_values()
    {
        ProstateStudyReport report = new ProstateMrProtocolAnalyzer().Evaluate(ProstateXStudy.Study());

        var actual = report.Findings.Select(f => (f.Finding.CriterionId, f.SeriesNumber, ProstateJson.Result(f.Finding.Outcome), f.Finding.MeasuredValue, f.Finding.Threshold)).ToList();

        actual.Should().HaveCount(Expected.Length);
        for (int i = 0; i < Expected.Length; i++)
        {
            var (criterion, series, result, value, limit) = Expected[i];
            var a = actual[i];
            a.CriterionId.Should().Be(criterion);
            a.SeriesNumber.Should().Be(series, criterion);
            a.Item3.Should().Be(result, $"{criterion} series {series}: {report.Findings[i].Finding.Message}");
            a.MeasuredValue.Should().BeApproximately(value, 1e-6, criterion);
            a.Threshold.Should().Be(limit, criterion);
        }
    }

    [Test]
    public void Every_finding_names_the_series_and_image_it_came_from()
    {
        ProstateStudyReport report = new ProstateMrProtocolAnalyzer().Evaluate(ProstateXStudy.Study());

        foreach (ProtocolFinding f in report.Findings)
        {
            ProstateSeries s = report.Series.Single(x => x.SeriesInstanceUid == f.SeriesInstanceUid);
            f.SeriesNumber.Should().Be(s.SeriesNumber);
            f.Finding.SopInstanceUid.Should().Be(s.FirstSopInstanceUid);
            f.Finding.Message.Should().NotBeNullOrWhiteSpace();
        }
    }
}
