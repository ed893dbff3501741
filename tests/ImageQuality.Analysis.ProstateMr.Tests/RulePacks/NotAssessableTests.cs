using ImageQuality.Analysis.ProstateMr.Report;
using ImageQuality.Analysis.ProstateMr.Tests.Corpus;
using ImageQuality.Dicom;

namespace ImageQuality.Analysis.ProstateMr.Tests.RulePacks;

/// <summary>A header without the value, or a study without the series, is "not assessable" or a fail, never a pass.</summary>
public sealed class NotAssessableTests
{
    [Test]
    public void Acquired_resolution_without_AcquisitionMatrix_is_not_assessable()
    {
        var study = Edited(5, ds => ds.Remove(DicomTag.AcquisitionMatrix));

        var findings = Findings(study).Where(f => f.SeriesNumber == 5 && f.Finding.CriterionId.Contains("acquired-", StringComparison.Ordinal)).ToList();

        findings.Should().HaveCount(2);
        findings.Should().AllSatisfy(f =>
        {
            f.Finding.Outcome.Should().Be(FindingOutcome.NotAssessable);
            f.Finding.Message.Should().Contain("does not give");
            f.Finding.MeasuredValue.Should().BeNull();
        });
    }

    [Test]
    public void Field_strength_missing_from_every_header_is_not_assessable()
    {
        var study = ProstateXStudy.Instances().Select(i => StudyVariant.Edit(i, ds => ds.Remove(DicomTag.MagneticFieldStrength))).ToList();

        Findings(study).Single(f => f.Finding.CriterionId == "pirads.field-strength").Finding.Outcome.Should().Be(FindingOutcome.NotAssessable);
    }

    [Test]
    public void Without_DWI_the_b_values_fail_and_the_DWI_parameters_cannot_be_judged()
    {
        var study = ProstateXStudy.Instances().Where(i => StudyVariant.SeriesNumber(i) is not (8 or 9 or 10)).ToList();

        var findings = Findings(study);

        findings.Where(f => f.Finding.CriterionId.StartsWith("pirads.dwi.b-", StringComparison.Ordinal) || f.Finding.CriterionId is "pirads.dwi.present" or "pirads.adc.present")
            .Should().HaveCount(5).And.AllSatisfy(f => f.Finding.Outcome.Should().Be(FindingOutcome.Fail));
        findings.Where(f => f.Finding.CriterionId is "pirads.dwi.slice-thickness" or "pirads.dwi.echo-time")
            .Should().HaveCount(2).And.AllSatisfy(f => f.Finding.Outcome.Should().Be(FindingOutcome.NotAssessable));
    }

    [Test]
    public void T2W_planes_without_orientation_are_not_assessable()
    {
        var study = ProstateXStudy.Instances()
            .Select(i => StudyVariant.SeriesNumber(i) is 5 or 6 ? StudyVariant.Edit(i, ds => ds.Remove(DicomTag.ImageOrientationPatient)) : i)
            .ToList();

        Findings(study).Single(f => f.Finding.CriterionId == "pirads.t2w.planes").Finding.Outcome.Should().Be(FindingOutcome.NotAssessable);
    }

    [Test]
    public void Unreadable_b_values_are_not_assessable()
    {
        var study = ProstateXStudy.Instances()
            .Select(i => StudyVariant.SeriesNumber(i) is 8 or 10 ? StudyVariant.Edit(i, ds => ds.Remove(new DicomTag(0x0019, 0x100C))) : i)
            .ToList();

        var findings = Findings(study).Where(f => f.Finding.CriterionId.StartsWith("pirads.dwi.b-", StringComparison.Ordinal)).ToList();

        findings.Should().HaveCount(3).And.AllSatisfy(f => f.Finding.Outcome.Should().Be(FindingOutcome.NotAssessable));
    }

    private static List<InstanceContext> Edited(int series, Action<DicomDataset> edit) =>
        [.. ProstateXStudy.Instances().Select(i => StudyVariant.SeriesNumber(i) == series ? StudyVariant.Edit(i, edit) : i)];

    private static IReadOnlyList<ProtocolFinding> Findings(IReadOnlyList<InstanceContext> study) =>
        new ProstateMrProtocolAnalyzer().Evaluate(ProstateXStudy.Study(study)).Findings;
}
