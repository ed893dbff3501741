using ImageQuality.Analysis.ProstateMr.Parameters;
using ImageQuality.Analysis.ProstateMr.Report;
using ImageQuality.Analysis.ProstateMr.Series;
using ImageQuality.Analysis.ProstateMr.Tests.Corpus;
using ImageQuality.Dicom;
using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Analysis.ProstateMr.Tests.Series;

/// <summary>Identification of single real files of other vendors and of Enhanced MR multi-frame objects.</summary>
public sealed class VendorIdentificationTests
{
    [TestCase("mr_enhanced/Siemens_XA30_EnhMR_DWI_b2500.dcm", SeriesType.Dwi, new[] { 2500.0 })]
    [TestCase("mr_enhanced/Siemens_XA30_EnhMR_TRACEW_b2500.dcm", SeriesType.Dwi, new[] { 2500.0 })]
    [TestCase("mr_enhanced/Siemens_XA30_EnhMR_ADC.dcm", SeriesType.Adc, new double[0])]
    [TestCase("mr_enhanced/Philips_Achieva_EnhMR_DTI_b0_b1300.dcm", SeriesType.Dwi, new[] { 0.0, 1300.0 })]
    [TestCase("mr_enhanced/Philips_Achieva_dStream_EnhMR_fieldmap.dcm", SeriesType.Other, new double[0])]
    [TestCase("mr_enhanced/pydicom_emri_small_EnhMR_10frames.dcm", SeriesType.Other, new double[0])]
    [TestCase("mr_dwi_vendors/GE_SIGNA_Pioneer_DWI_b1000.dcm", SeriesType.Dwi, new[] { 1000.0 })]
    [TestCase("mr_dwi_vendors/Philips_Ingenia_DWI_b1000.dcm", SeriesType.Dwi, new[] { 1000.0 })]
    [TestCase("mr_dwi_vendors/Siemens_Skyra_DWI_b1000.dcm", SeriesType.Dwi, new[] { 1000.0 })]
    public void Single_object_is_identified(string file, SeriesType type, double[] bValues)
    {
        ProstateSeries s = Identify([InstanceContext.Load(TestCorpus.File(file))]).Single();

        s.SeriesType.Should().Be(type, string.Join("; ", s.Reasons));
        s.BValues.Should().Equal(bValues);
    }

    [Test]
    public void One_series_can_be_classified_on_its_own()
    {
        var t2 = ProstateXStudy.Instances().Where(i => StudyVariant.SeriesNumber(i) == 5);

        SeriesClassification c = new SeriesClassifier().Classify(t2);

        c.Type.Should().Be(SeriesType.T2W);
        c.Confidence.Should().Be(0.93);
        c.Reasons.Should().Equal("spin echo (SE)", "TE 101 ms, TR 4000 ms: long TE and TR", "SequenceVariant SK: turbo/fast spin echo");
    }

    [Test]
    public void Enhanced_MR_frames_are_counted_per_frame()
    {
        ProstateSeries s = Identify([InstanceContext.Load(TestCorpus.File("mr_enhanced/Siemens_XA30_EnhMR_DWI_b2500.dcm"))]).Single();

        s.Instances.Should().Be(1);
        s.Frames.Should().Be(39);
        s.Plane.Should().NotBeNull("the orientation comes from the Plane Orientation functional group");
    }

    [Test]
    public void Enhanced_MR_parameters_come_from_the_functional_groups()
    {
        // dcmdump: per-frame SliceThickness 3, PixelSpacing 3\3, EffectiveEchoTime 68; shared SpacingBetweenSlices 3,
        // RepetitionTime 3516, MRAcquisitionFrequencyEncodingSteps 72, MRAcquisitionPhaseEncodingStepsInPlane 72,
        // InPlanePhaseEncodingDirection COLUMN; top level Rows/Columns 72/72, MagneticFieldStrength 3.
        ProstateSeries s = Identify([InstanceContext.Load(TestCorpus.File("mr_enhanced/Siemens_XA30_EnhMR_DWI_b2500.dcm"))]).Single();

        s.Parameters.Should().Equal(new Dictionary<ProtocolParameter, double>
        {
            [ProtocolParameter.SliceThickness] = 3,
            [ProtocolParameter.SliceSpacing] = 3,
            [ProtocolParameter.SliceGap] = 0,
            [ProtocolParameter.FieldOfView] = 72 * 3,
            [ProtocolParameter.PhaseFieldOfView] = 72 * 3,
            [ProtocolParameter.AcquiredPhaseResolution] = 3,
            [ProtocolParameter.AcquiredFrequencyResolution] = 3,
            [ProtocolParameter.ReconstructedPhaseResolution] = 3,
            [ProtocolParameter.ReconstructedFrequencyResolution] = 3,
            [ProtocolParameter.EchoTime] = 68,
            [ProtocolParameter.RepetitionTime] = 3516,
            [ProtocolParameter.MagneticFieldStrength] = 3,
        });
        s.Plane.Should().Be(ImagePlane.Axial);
    }

    [Test]
    public void Ge_ADC_without_an_ADC_image_type_is_named_from_the_description_with_less_confidence()
    {
        // dcmdump: ImageType DERIVED\SECONDARY\PROCESSED, ScanningSequence EP\SE, (0043,1039) UN "500\8\0\0",
        // SeriesDescription "Apparent Diffusion Coefficient (mm?/s)".
        var folder = Path.Combine(TestCorpus.RequireRoot(), "prostate_mri/QIN-PROSTATE-01-0001_GE_ADC");
        ProstateSeries s = Identify([.. ProstateXStudy.Files(folder).Select(InstanceContext.Load)]).Single();

        s.SeriesType.Should().Be(SeriesType.Adc);
        s.Confidence.Should().BeLessThan(0.8);
        s.Reasons.Should().Contain(r => r.Contains("SeriesDescription hint", StringComparison.Ordinal));
        s.Instances.Should().Be(20);
    }

    [Test]
    public void Localizer_from_image_type_or_from_several_planes_in_one_series()
    {
        var t2 = ProstateXStudy.Instances().Where(i => StudyVariant.SeriesNumber(i) == 5).Take(6).ToList();
        var byType = t2.Select(i => StudyVariant.Edit(i, ds => ds.AddString(DicomTag.ImageType, DicomVR.CS, "ORIGINAL\\PRIMARY\\LOCALIZER"))).ToList();
        var threePlanes = t2.Select((i, n) => StudyVariant.Edit(i, ds => ds.AddString(DicomTag.ImageOrientationPatient, DicomVR.DS,
            (n % 3) switch { 0 => "1\\0\\0\\0\\1\\0", 1 => "0\\1\\0\\0\\0\\-1", _ => "1\\0\\0\\0\\0\\-1" }))).ToList();

        Identify(byType).Single().SeriesType.Should().Be(SeriesType.Localizer);
        Identify(threePlanes).Single().SeriesType.Should().Be(SeriesType.Localizer);
    }

    [Test]
    public void Subtraction_from_image_type()
    {
        var dce = ProstateXStudy.Instances().Where(i => StudyVariant.SeriesNumber(i) == 28)
            .Select(i => StudyVariant.Edit(i, ds => ds.AddString(DicomTag.ImageType, DicomVR.CS, "DERIVED\\PRIMARY\\SUB\\ND"))).ToList();

        Identify(dce).Single().SeriesType.Should().Be(SeriesType.Subtraction);
    }

    [Test]
    public void Series_description_alone_does_not_make_a_T2W()
    {
        // A T1 spin echo (TE 12 ms, TR 600 ms) described as "t2_tse_tra" is still not T2-weighted.
        var t1 = ProstateXStudy.Instances().Where(i => StudyVariant.SeriesNumber(i) == 5)
            .Select(i => StudyVariant.Edit(i, ds => ds.AddString(DicomTag.EchoTime, DicomVR.DS, "12").AddString(DicomTag.RepetitionTime, DicomVR.DS, "600"))).ToList();

        Identify(t1).Single().SeriesType.Should().Be(SeriesType.Other);
    }

    private static IReadOnlyList<ProstateSeries> Identify(IReadOnlyList<InstanceContext> instances) =>
        new ProstateMrProtocolAnalyzer().Evaluate(new StudyContext("1.2.3", instances)).Series;
}
