using System.Text;
using ImageQuality.Analysis;
using ImageQuality.Analysis.Mammography;
using ImageQuality.Dicom;

namespace ImageQuality.Analysis.Tests.Mammography;

public sealed class MammographyExamAnalyzerTests
{
    [Test]
    public async Task A_complete_screening_exam_passes_and_a_retake_is_counted()
    {
        var exam = new[] { ("CC", "R"), ("CC", "L"), ("MLO", "R"), ("MLO", "L"), ("MLO", "L") }.Select((v, n) => Image(v.Item1, v.Item2, n)).ToList();
        exam.Add(Image("MLO", "R", 99, "FOR PROCESSING"));

        var findings = (await new MammographyExamAnalyzer().AnalyzeAsync(new StudyContext("1.2.3", exam), CancellationToken.None)).Findings;

        findings.Single(f => f.CriterionId == "mg.exam.screening-views").Outcome.Should().Be(FindingOutcome.Pass);
        var repeats = findings.Single(f => f.CriterionId == "mg.exam.repeats");
        repeats.Outcome.Should().Be(FindingOutcome.Fail);
        repeats.MeasuredValue.Should().Be(1, "the for-processing twin of an exposure is not a repeat");
        repeats.Message.Should().Contain("L MLO ×2");
    }

    [Test]
    public async Task Missing_views_are_named()
    {
        var exam = new[] { Image("CC", "R", 1), Image("MLO", "R", 2) };

        var views = (await new MammographyExamAnalyzer().AnalyzeAsync(new StudyContext("1.2.3", exam), CancellationToken.None)).Findings[0];

        views.Should().BeEquivalentTo(new { Outcome = FindingOutcome.Fail, MeasuredValue = 2.0, Message = "Missing L CC, L MLO (a diagnostic or partial exam, or a view not sent)" });
    }

    private static InstanceContext Image(string view, string laterality, int number, string intent = "FOR PRESENTATION")
    {
        var ds = new DicomDataset();
        ds.Add(Text(DicomTag.SOPInstanceUID, DicomVR.UI, $"1.2.3.{number}"));
        ds.Add(Text(DicomTag.PresentationIntentType, DicomVR.CS, intent));
        ds.Add(Text(DicomTag.Modality, DicomVR.CS, "MG"));
        ds.Add(Text(DicomTag.ViewPosition, DicomVR.CS, view));
        ds.Add(Text(DicomTag.ImageLaterality, DicomVR.CS, laterality));
        return new InstanceContext(new DicomFile(new DicomDataset(), ds, TransferSyntax.ExplicitVRLittleEndian), $"{number}.dcm");
    }

    private static DicomElement Text(DicomTag tag, DicomVR vr, string value)
    {
        var padded = value.Length % 2 == 0 ? value : value + (vr == DicomVR.UI ? "\0" : " ");
        return new DicomElement(tag, vr, Encoding.ASCII.GetBytes(padded));
    }
}
