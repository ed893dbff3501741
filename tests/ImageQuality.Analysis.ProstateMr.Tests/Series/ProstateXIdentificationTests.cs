using ImageQuality.Analysis.ProstateMr.BValues;
using ImageQuality.Analysis.ProstateMr.Parameters;
using ImageQuality.Analysis.ProstateMr.Report;
using ImageQuality.Analysis.ProstateMr.Series;
using ImageQuality.Analysis.ProstateMr.Tests.Corpus;
using ImageQuality.Dicom;

namespace ImageQuality.Analysis.ProstateMr.Tests.Series;

/// <summary>Every series of the real ProstateX-0218 study identified from its headers (dcmdump values in the comments).</summary>
public sealed class ProstateXIdentificationTests
{
    private static ProstateStudyReport Report() => new ProstateMrProtocolAnalyzer().Evaluate(ProstateXStudy.Study());

    // 5 t2_tse_tra_320_p2: SE, TE 101, TR 4000, IOP 1\0\0\0\0.918\-0.396 (normal tilted 23.3° from z).
    [TestCase(5, SeriesType.T2W, ImagePlane.Axial, TestName = "Series 5 t2_tse_tra is T2W axial")]
    // 6 t2_tse_cor_320_p2: SE, TE 101, TR 4000, IOP 1\0\0\0\-0.396\-0.918 (normal mostly along y).
    [TestCase(6, SeriesType.T2W, ImagePlane.Coronal, TestName = "Series 6 t2_tse_cor is T2W coronal")]
    // 8 ep2d-advdiff…: EP, ImageType DERIVED\PRIMARY\DIFFUSION\TRACEW, (0019,100C) 0/100/400/800.
    [TestCase(8, SeriesType.Dwi, ImagePlane.Axial, TestName = "Series 8 ep2d_advdiff is DWI")]
    // 9 …_ADC: ImageType DERIVED\PRIMARY\DIFFUSION\ADC.
    [TestCase(9, SeriesType.Adc, ImagePlane.Axial, TestName = "Series 9 is the ADC map")]
    // 10 …CALC_BVAL: TRACEW, (0019,100C) 1600, SequenceName ep_b0_800.
    [TestCase(10, SeriesType.DwiCalculated, ImagePlane.Axial, TestName = "Series 10 is the calculated b1600")]
    // 27, 28, 29 Twist_dynamic TT=8.0/12.2/16.4 s: GR, TR 3.85, TE 1.42, one time point each.
    [TestCase(27, SeriesType.Dce, ImagePlane.Axial, TestName = "Series 27 is DCE time point 1")]
    [TestCase(28, SeriesType.Dce, ImagePlane.Axial, TestName = "Series 28 is DCE time point 2")]
    [TestCase(29, SeriesType.Dce, ImagePlane.Axial, TestName = "Series 29 is DCE time point 3")]
    public void Series_is_identified(int seriesNumber, SeriesType type, ImagePlane plane)
    {
        ProstateSeries s = Report().Series.Single(x => x.SeriesNumber == seriesNumber);

        s.SeriesType.Should().Be(type, string.Join("; ", s.Reasons));
        s.Plane.Should().Be(plane);
        s.Confidence.Should().BeGreaterThanOrEqualTo(0.85);
        s.Reasons.Should().NotBeEmpty();
    }

    [Test]
    public void The_study_has_exactly_these_eight_series()
    {
        Report().Series.Select(s => (s.SeriesNumber, s.SeriesType.Code())).Should().Equal(
            (5, "T2W"), (6, "T2W"), (8, "DWI"), (9, "ADC"), (10, "DWI_CALCULATED"), (27, "DCE"), (28, "DCE"), (29, "DCE"));
    }

    [Test]
    public void Obliquity_comes_from_the_orientation()
    {
        // acos(0.91844636706283) = 23.30°.
        ProstateSeries axial = Report().Series.Single(x => x.SeriesNumber == 5);

        axial.ObliquityDegrees.Should().BeApproximately(23.30, 0.01);
    }

    [Test]
    public void B_values_are_read_from_the_Siemens_header()
    {
        var series = Report().Series;

        series.Single(s => s.SeriesNumber == 8).BValues.Should().Equal(0, 100, 400, 800);
        series.Single(s => s.SeriesNumber == 10).BValues.Should().Equal(1600);
        series.Single(s => s.SeriesNumber == 8).BValueSources.Should().Equal(BValueSource.SiemensMrHeader);
    }

    [Test]
    public void Dce_time_points_stored_as_three_series_form_one_acquisition()
    {
        // dcmdump AcquisitionTime of every image of series 27, 28, 29: 125705.315, 125714.210, 125718.445.
        // Intervals 8.895 s (the full TWIST reference frame) and 4.235 s; their median 6.565 s; first to last 13.13 s.
        var dce = Report().Series.Where(s => s.SeriesType == SeriesType.Dce).ToList();

        dce.Select(s => s.TimePoint).Should().Equal(1, 2, 3);
        dce.Should().AllSatisfy(s => s.DynamicSeriesNumbers.Should().Equal(27, 28, 29));
        IReadOnlyDictionary<ProtocolParameter, double> p = dce[0].Parameters;
        p[ProtocolParameter.TimePoints].Should().Be(3);
        p[ProtocolParameter.TemporalResolution].Should().BeApproximately((8.895 + 4.235) / 2, 1e-6);
        p[ProtocolParameter.ObservationDuration].Should().BeApproximately(13.13, 1e-6);
    }

    [Test]
    public void Dce_time_points_in_one_series_are_found_without_grouping()
    {
        var instances = ProstateXStudy.Instances()
            .Select(i => StudyVariant.SeriesNumber(i) is 28 or 29
                ? StudyVariant.Edit(i, ds => ds.AddString(DicomTag.SeriesInstanceUID, DicomVR.UI, Uid(27)).AddString(DicomTag.SeriesNumber, DicomVR.IS, "27"))
                : i)
            .ToList();

        var dce = new ProstateMrProtocolAnalyzer().Evaluate(ProstateXStudy.Study(instances)).Series.Single(s => s.SeriesType == SeriesType.Dce);

        dce.SeriesNumber.Should().Be(27);
        dce.TimePoint.Should().BeNull();
        dce.Instances.Should().Be(60);
        dce.Parameters[ProtocolParameter.TemporalResolution].Should().BeApproximately(6.565, 1e-6);
        dce.Reasons.Should().Contain(r => r.Contains("3 time points", StringComparison.Ordinal));
    }

    [Test]
    public void Calculated_b_value_is_recognised_beside_its_source_without_the_sequence_name()
    {
        // Without the Siemens "ep_b0_800" clue or the "CALC" description, series 10 is still a single b=1600 made
        // while series 8 (b 0–800, same slices, TE 60, TR 3300) was acquired: computed from it.
        var instances = ProstateXStudy.Instances()
            .Select(i => StudyVariant.SeriesNumber(i) == 10 ? StudyVariant.Edit(i, ds => ds
                .AddString(DicomTag.SequenceName, DicomVR.SH, "ep_b1600t").AddString(DicomTag.SeriesDescription, DicomVR.LO, "ep2d_diff_b1600")) : i)
            .ToList();

        var calculated = new ProstateMrProtocolAnalyzer().Evaluate(ProstateXStudy.Study(instances)).Series.Single(s => s.SeriesNumber == 10);

        calculated.SeriesType.Should().Be(SeriesType.DwiCalculated);
        calculated.Confidence.Should().Be(0.85);
        calculated.Reasons[^1].Should().Contain("series 8");
    }

    [Test]
    public void A_separately_acquired_high_b_series_stays_acquired()
    {
        // The same images with acquisition times after series 8 finished: a b1600 acquisition of its own.
        var instances = ProstateXStudy.Instances()
            .Select(i => StudyVariant.SeriesNumber(i) == 10
                ? StudyVariant.Edit(i, ds => ds.AddString(DicomTag.SequenceName, DicomVR.SH, "ep_b1600t")
                    .AddString(DicomTag.SeriesDescription, DicomVR.LO, "ep2d_diff_b1600").AddString(DicomTag.AcquisitionTime, DicomVR.TM, "124000.000000"))
                : i)
            .ToList();

        var acquired = new ProstateMrProtocolAnalyzer().Evaluate(ProstateXStudy.Study(instances)).Series.Single(s => s.SeriesNumber == 10);

        acquired.SeriesType.Should().Be(SeriesType.Dwi);
    }

    private static string Uid(int seriesNumber) =>
        ProstateXStudy.Instances().First(i => StudyVariant.SeriesNumber(i) == seriesNumber).Dataset.GetString(DicomTag.SeriesInstanceUID)!;
}
