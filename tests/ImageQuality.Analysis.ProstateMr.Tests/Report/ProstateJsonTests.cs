using System.Text;
using System.Text.Json;
using ImageQuality.Analysis.ProstateMr.Report;
using ImageQuality.Analysis.ProstateMr.Tests.Corpus;

namespace ImageQuality.Analysis.ProstateMr.Tests.Report;

public sealed class ProstateJsonTests
{
    private static readonly string[] SeriesTypes = ["T2W", "DWI", "ADC", "DWI_CALCULATED", "DCE", "SUBTRACTION", "LOCALIZER", "OTHER"];

    [Test]
    public void A_study_has_series_and_findings_in_the_agreed_shape()
    {
        ProstateStudyReport report = new ProstateMrProtocolAnalyzer().Evaluate(ProstateXStudy.Study());

        using JsonDocument doc = JsonDocument.Parse(ProstateJson.ToJson(report));
        JsonElement study = doc.RootElement;

        study.GetProperty("studyInstanceUid").GetString().Should().Be(report.StudyInstanceUid);
        study.GetProperty("rulePack").GetString().Should().Be("pirads-2.1");
        var series = study.GetProperty("series").EnumerateArray().ToList();
        series.Should().HaveCount(8);
        foreach (JsonElement s in series)
        {
            s.GetProperty("seriesInstanceUid").GetString().Should().NotBeNullOrEmpty();
            s.GetProperty("seriesNumber").ValueKind.Should().Be(JsonValueKind.Number);
            SeriesTypes.Should().Contain(s.GetProperty("seriesType").GetString());
            s.GetProperty("plane").GetString().Should().BeOneOf("axial", "sagittal", "coronal");
            s.GetProperty("bValues").ValueKind.Should().Be(JsonValueKind.Array);
            s.GetProperty("parameters").GetProperty("sliceThickness").GetProperty("unit").GetString().Should().Be("mm");
        }

        JsonElement dwi = series.Single(s => s.GetProperty("seriesNumber").GetInt32() == 8);
        dwi.GetProperty("bValues").EnumerateArray().Select(b => b.GetDouble()).Should().Equal(0, 100, 400, 800);
        series.Single(s => s.GetProperty("seriesNumber").GetInt32() == 27).GetProperty("parameters").GetProperty("temporalResolution").GetProperty("value").GetDouble()
            .Should().BeApproximately(6.565, 1e-4);

        var findings = study.GetProperty("findings").EnumerateArray().ToList();
        findings.Should().HaveCount(report.Findings.Count);
        foreach (JsonElement f in findings)
        {
            f.GetProperty("criterion").GetString().Should().StartWith("pirads.");
            f.GetProperty("result").GetString().Should().BeOneOf("pass", "fail", "not-assessable");
            f.TryGetProperty("value", out _).Should().BeTrue();
            f.TryGetProperty("unit", out _).Should().BeTrue();
            f.GetProperty("limit").GetString().Should().NotBeNullOrEmpty();
            f.TryGetProperty("seriesNumber", out _).Should().BeTrue();
        }

        JsonElement gap = findings.First(f => f.GetProperty("criterion").GetString() == "pirads.t2w.slice-gap");
        gap.GetProperty("result").GetString().Should().Be("fail");
        gap.GetProperty("value").GetDouble().Should().BeApproximately(0.6, 1e-9);
        gap.GetProperty("unit").GetString().Should().Be("mm");
        gap.GetProperty("limit").GetString().Should().Be("≤ 0 mm");
        gap.GetProperty("seriesNumber").GetInt32().Should().Be(5);
    }

    [Test]
    public void The_writer_composes_with_a_callers_array_of_studies()
    {
        ProstateStudyReport report = new ProstateMrProtocolAnalyzer().Evaluate(ProstateXStudy.Study());
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("studies");
            ProstateJson.Write(w, report);
            ProstateJson.Write(w, report);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        using JsonDocument doc = JsonDocument.Parse(Encoding.UTF8.GetString(buffer.ToArray()));

        doc.RootElement.GetProperty("studies").GetArrayLength().Should().Be(2);
    }
}
