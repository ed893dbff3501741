using System.Text;
using ImageQuality.Analysis;
using ImageQuality.Analysis.Mammography;
using ImageQuality.Dicom;
using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Analysis.Tests.Mammography;

public sealed class MammographyHeaderAnalyzerTests
{
    [Test]
    public async Task The_GE_mammogram_of_the_corpus_is_judged_on_every_header_criterion()
    {
        var instance = InstanceContext.Load(TestCorpus.File("mammo_dicom/GH133_GE_SenographeEssential_R_MLO_JPEGLossless.dcm"));
        var analyzer = new MammographyHeaderAnalyzer();
        analyzer.AppliesTo(instance).Should().BeTrue();

        var findings = (await analyzer.AnalyzeAsync(instance, CancellationToken.None)).Findings.ToDictionary(f => f.CriterionId);

        findings.Keys.Should().BeEquivalentTo("mg.header.view-laterality", "mg.header.presentation-intent", "mg.header.compression-force", "mg.header.breast-thickness", "mg.header.operator", "mg.header.station");
        findings["mg.header.view-laterality"].Should().BeEquivalentTo(new { Outcome = FindingOutcome.Pass, Message = "R MLO" });
        findings["mg.header.operator"].Outcome.Should().Be(FindingOutcome.Pass);
        findings["mg.header.station"].Outcome.Should().Be(FindingOutcome.Pass);
        findings.Values.Should().OnlyContain(f => f.SopInstanceUid == instance.SopInstanceUid);

        // The values the header holds, read independently with dcmdump's numbers in mind: force and thickness are
        // judged when present and reported with their units.
        var force = instance.Dataset.GetString(DicomTag.CompressionForce);
        if (force is not null)
        {
            findings["mg.header.compression-force"].Unit.Should().Be("N");
            findings["mg.header.compression-force"].MeasuredValue.Should().Be(double.Parse(force, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [TestCase("60", "Senographe Essential", FindingOutcome.Pass, 60.0)]
    [TestCase("6", "Senographe DS", FindingOutcome.Pass, 60.0)]
    [TestCase("30", "Selenia Dimensions", FindingOutcome.Fail, 30.0)]
    [TestCase("250", "Selenia Dimensions", FindingOutcome.Fail, 250.0)]
    public async Task Compression_force_is_judged_in_newtons_whatever_unit_the_unit_writes(string value, string model, FindingOutcome expected, double newtons)
    {
        var ds = Mammogram();
        ds.Add(Text(DicomTag.CompressionForce, DicomVR.DS, value));
        ds.Add(Text(DicomTag.ManufacturerModelName, DicomVR.LO, model));

        var finding = await Judge(ds, "mg.header.compression-force");

        finding.Outcome.Should().Be(expected);
        finding.MeasuredValue.Should().Be(newtons);
        finding.Threshold.Should().Be("50–200 N");
    }

    [Test]
    public async Task Missing_or_contradictory_labels_fail_with_a_message_saying_what_to_fix()
    {
        var ds = Mammogram();
        ds.Remove(DicomTag.ImageLaterality);
        (await Judge(ds, "mg.header.view-laterality")).Message.Should().StartWith("ImageLaterality is missing");

        ds = Mammogram();
        ds.Add(Text(DicomTag.Laterality, DicomVR.CS, "L"));
        (await Judge(ds, "mg.header.view-laterality")).Message.Should().Contain("contradicts Laterality L");

        ds = Mammogram();
        var code = new DicomDataset();
        code.Add(Text(DicomTag.CodeValue, DicomVR.SH, "399162004"));
        ds.Add(new DicomSequence(DicomTag.ViewCodeSequence, [code]));
        (await Judge(ds, "mg.header.view-laterality")).Message.Should().Contain("contradicts the coded view CC");

        ds = Mammogram();
        ds.Remove(DicomTag.OperatorsName);
        var operatorFinding = await Judge(ds, "mg.header.operator");
        operatorFinding.Outcome.Should().Be(FindingOutcome.Fail);
        operatorFinding.Message.Should().Contain("OperatorsName");
    }

    [Test]
    public async Task A_for_processing_image_is_not_assessable_and_absent_compression_is_not_a_failure()
    {
        var ds = Mammogram();
        ds.Remove(DicomTag.PresentationIntentType);
        ds.Add(Text(DicomTag.PresentationIntentType, DicomVR.CS, "FOR PROCESSING"));

        (await Judge(ds, "mg.header.presentation-intent")).Outcome.Should().Be(FindingOutcome.NotAssessable);
        (await Judge(ds, "mg.header.compression-force")).Outcome.Should().Be(FindingOutcome.NotAssessable);
        (await Judge(ds, "mg.header.breast-thickness")).Outcome.Should().Be(FindingOutcome.NotAssessable);
    }

    [Test]
    public void Limits_are_settings_and_part_of_the_version()
    {
        var strict = new MammographyHeaderAnalyzer(new MammographyHeaderOptions { MaxCompressionForceNewtons = 150 });
        strict.Version.Should().NotBe(new MammographyHeaderAnalyzer().Version);
        var ds = new DicomDataset();
        ds.Add(Text(DicomTag.Modality, DicomVR.CS, "MR"));
        strict.AppliesTo(new InstanceContext(new DicomFile(new DicomDataset(), ds, TransferSyntax.ExplicitVRLittleEndian), "x.dcm")).Should().BeFalse();
    }

    private static async Task<Finding> Judge(DicomDataset ds, string criterion)
    {
        var instance = new InstanceContext(new DicomFile(new DicomDataset(), ds, TransferSyntax.ExplicitVRLittleEndian), "test.dcm");
        var result = await new MammographyHeaderAnalyzer().AnalyzeAsync(instance, CancellationToken.None);
        return result.Findings.Single(f => f.CriterionId == criterion);
    }

    private static DicomDataset Mammogram()
    {
        var ds = new DicomDataset();
        ds.Add(Text(DicomTag.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.1.2"));
        ds.Add(Text(DicomTag.SOPInstanceUID, DicomVR.UI, "1.2.3.4"));
        ds.Add(Text(DicomTag.PresentationIntentType, DicomVR.CS, "FOR PRESENTATION"));
        ds.Add(Text(DicomTag.Modality, DicomVR.CS, "MG"));
        ds.Add(Text(DicomTag.StationName, DicomVR.SH, "MAMMO1"));
        ds.Add(Text(DicomTag.OperatorsName, DicomVR.PN, "Tech^Ann"));
        ds.Add(Text(DicomTag.ViewPosition, DicomVR.CS, "MLO"));
        ds.Add(Text(DicomTag.ImageLaterality, DicomVR.CS, "R"));
        return ds;
    }

    private static DicomElement Text(DicomTag tag, DicomVR vr, string value)
    {
        var padded = value.Length % 2 == 0 ? value : value + (vr == DicomVR.UI ? "\0" : " ");
        return new DicomElement(tag, vr, Encoding.ASCII.GetBytes(padded));
    }
}
