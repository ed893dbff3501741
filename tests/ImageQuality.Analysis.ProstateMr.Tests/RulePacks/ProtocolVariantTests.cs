using ImageQuality.Analysis.ProstateMr.Tests.Corpus;
using ImageQuality.Dicom;

namespace ImageQuality.Analysis.ProstateMr.Tests.RulePacks;

/// <summary>
/// Variants of the real ProstateX-0218 study, each with one protocol fault: the edited series are written by the
/// toolkit's writer (pixel data included) and read back. Each fault must turn exactly its own criterion to fail and
/// leave every other criterion as it was on the original study (which already fails some: T2W gap and frequency
/// resolution, DWI FOV, DCE slice thickness and observation).
/// </summary>
public sealed class ProtocolVariantTests
{
    private string _folder = "";

    [SetUp]
    public void MakeFolder() => _folder = StudyVariant.TempFolder();

    [TearDown]
    public void RemoveFolder()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Test]
    public void Thicker_DWI_slices()
    {
        var study = StudyVariant.WriteEdited(ProstateXStudy.Instances(), 8, _folder, ds => ds
            .AddString(DicomTag.SliceThickness, DicomVR.DS, "5").AddString(DicomTag.SpacingBetweenSlices, DicomVR.DS, "5"));

        NewlyFailing(study).Should().Equal(("pirads.dwi.slice-thickness", 8));
    }

    [Test]
    public void Gap_between_DWI_slices()
    {
        var study = StudyVariant.WriteEdited(ProstateXStudy.Instances(), 8, _folder, ds => ds.AddString(DicomTag.SpacingBetweenSlices, DicomVR.DS, "4.6"));

        NewlyFailing(study).Should().Equal(("pirads.dwi.slice-gap", 8));
    }

    [Test]
    public void No_high_b_value()
    {
        var study = ProstateXStudy.Instances().Where(i => StudyVariant.SeriesNumber(i) != 10).ToList();

        NewlyFailing(study).Should().Equal(("pirads.dwi.b-high", 8));
    }

    [Test]
    public void Adc_map_missing()
    {
        var study = ProstateXStudy.Instances().Where(i => StudyVariant.SeriesNumber(i) != 9).ToList();

        NewlyFailing(study).Should().Equal(("pirads.adc.present", (int?)null));
    }

    [Test]
    public void Dce_too_slow()
    {
        // Time points 20 s apart instead of 8.9 and 4.2 s.
        var study = StudyVariant.WriteEdited(ProstateXStudy.Instances(), 28, Path.Combine(_folder, "28"), ds => ds.AddString(DicomTag.AcquisitionTime, DicomVR.TM, "125725.315000"));
        study = StudyVariant.WriteEdited(study, 29, Path.Combine(_folder, "29"), ds => ds.AddString(DicomTag.AcquisitionTime, DicomVR.TM, "125745.315000"));

        NewlyFailing(study).Should().Equal(("pirads.dce.temporal-resolution", 27));
    }

    [Test]
    public void Axial_T2W_missing()
    {
        var study = ProstateXStudy.Instances().Where(i => StudyVariant.SeriesNumber(i) != 5).ToList();

        NewlyFailing(study).Should().Equal(("pirads.t2w.planes", 6));
    }

    /// <summary>
    /// The criteria (with their series) that fail on the variant and did not on the original; also checks that
    /// none became not assessable, which would hide a fault behind "cannot tell".
    /// </summary>
    private static List<(string Criterion, int? Series)> NewlyFailing(IReadOnlyList<InstanceContext> variant)
    {
        var analyzer = new ProstateMrProtocolAnalyzer();
        var before = analyzer.Evaluate(ProstateXStudy.Study()).Findings.ToDictionary(f => (f.Finding.CriterionId, f.SeriesNumber), f => f.Finding.Outcome);
        var after = analyzer.Evaluate(ProstateXStudy.Study(variant)).Findings;

        after.Where(f => f.Finding.Outcome == FindingOutcome.NotAssessable && before.GetValueOrDefault((f.Finding.CriterionId, f.SeriesNumber)) != FindingOutcome.NotAssessable)
            .Should().BeEmpty();
        return [.. after
            .Where(f => f.Finding.Outcome == FindingOutcome.Fail && before.GetValueOrDefault((f.Finding.CriterionId, f.SeriesNumber)) != FindingOutcome.Fail)
            .Select(f => (f.Finding.CriterionId, f.SeriesNumber))];
    }
}
