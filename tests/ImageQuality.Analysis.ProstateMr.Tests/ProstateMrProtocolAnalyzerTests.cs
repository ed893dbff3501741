using System.Diagnostics;
using ImageQuality.Analysis.ProstateMr.Tests.Corpus;
using ImageQuality.Dicom;

namespace ImageQuality.Analysis.ProstateMr.Tests;

public sealed class ProstateMrProtocolAnalyzerTests
{
    [Test]
    public async Task The_service_gets_the_reports_findings()
    {
        var analyzer = new ProstateMrProtocolAnalyzer();
        StudyContext study = ProstateXStudy.Study();

        AnalysisResult result = await analyzer.AnalyzeAsync(study, CancellationToken.None);

        analyzer.Id.Should().Be("prostate-mr.protocol");
        analyzer.Version.Should().Contain("pirads-2.1@");
        result.Findings.Should().Equal(analyzer.Evaluate(study).Findings.Select(f => f.Finding));
    }

    [Test]
    public void Header_rules_on_a_full_study_take_well_under_100_ms_after_reading()
    {
        // ProstateX-0218 (219 images) plus a second copy of its 80-image DWI series as another series: 299 images,
        // headers already read (without pixel data), as the service holds them when the study settles.
        var instances = ProstateXStudy.Instances().ToList();
        instances.AddRange(instances.Where(i => StudyVariant.SeriesNumber(i) == 8).Select(i => StudyVariant.Edit(i, ds => ds
            .AddString(DicomTag.SeriesInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.10.1.8")
            .AddString(DicomTag.SeriesNumber, DicomVR.IS, "11"))).ToList());
        var study = ProstateXStudy.Study(instances);
        var analyzer = new ProstateMrProtocolAnalyzer();
        var cold = Stopwatch.StartNew();
        analyzer.Evaluate(study);
        double first = cold.Elapsed.TotalMilliseconds;

        var times = new List<double>();
        for (int run = 0; run < 25; run++)
        {
            var watch = Stopwatch.StartNew();
            analyzer.Evaluate(study);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        TestContext.Out.WriteLine($"header rules on {instances.Count} images: first call {first:F1} ms (JIT), then median {times[12]:F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms");
        times[12].Should().BeLessThan(100);
    }
}
