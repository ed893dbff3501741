using System.Text.Json.Nodes;
using ImageQuality.Analysis.ProstateMr.Parameters;
using ImageQuality.Analysis.ProstateMr.RulePacks;
using ImageQuality.Analysis.ProstateMr.Tests.Corpus;

namespace ImageQuality.Analysis.ProstateMr.Tests.RulePacks;

public sealed class RulePackTests
{
    private string _folder = "";

    [SetUp]
    public void MakeFolder()
    {
        _folder = StudyVariant.TempFolder();
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void The_shipped_pack_lies_beside_the_binary_and_covers_the_PI_RADS_table()
    {
        File.Exists(RulePack.ShippedPath()).Should().BeTrue();
        RulePack pack = RulePack.LoadDefault();

        pack.Id.Should().Be("pirads-2.1");
        pack.Version.Should().NotBeNullOrWhiteSpace();
        var parameters = pack.Criteria.Where(c => c.Check == RuleCheck.Parameter).Select(c => (c.SeriesType, c.Parameter!.Value)).ToHashSet();
        foreach (string type in new[] { "T2W", "DWI", "DCE" })
        {
            parameters.Should().Contain((type, ProtocolParameter.SliceThickness));
            parameters.Should().Contain((type, ProtocolParameter.SliceGap));
            parameters.Should().Contain((type, ProtocolParameter.AcquiredPhaseResolution));
            parameters.Should().Contain((type, ProtocolParameter.AcquiredFrequencyResolution));
            parameters.Should().Contain((type, ProtocolParameter.ReconstructedPhaseResolution));
            parameters.Should().Contain((type, ProtocolParameter.ReconstructedFrequencyResolution));
        }

        parameters.Should().Contain([("T2W", ProtocolParameter.FieldOfView), ("DWI", ProtocolParameter.FieldOfView), ("DWI", ProtocolParameter.EchoTime),
            ("DWI", ProtocolParameter.RepetitionTime), ("DCE", ProtocolParameter.TemporalResolution), ("DCE", ProtocolParameter.ObservationDuration),
            (null, ProtocolParameter.MagneticFieldStrength)]);
        pack.Criteria.Select(c => c.Id).Should().Contain(["pirads.t2w.planes", "pirads.dwi.b-low", "pirads.dwi.b-intermediate", "pirads.dwi.b-high", "pirads.adc.present"]);
    }

    [Test]
    public void A_site_pack_with_stricter_and_looser_limits_is_loaded_by_path()
    {
        JsonNode pack = JsonNode.Parse(File.ReadAllText(RulePack.ShippedPath()), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        pack["id"] = "site-prostate";
        pack["version"] = "2026.1";
        foreach (JsonNode? c in pack["criteria"]!.AsArray())
        {
            switch ((string?)c!["id"])
            {
                case "pirads.dwi.echo-time": c["max"] = 55; break; // stricter: series 8 has TE 60 ms
                case "pirads.t2w.slice-gap": c["max"] = 1; break; // looser: series 5 and 6 have a 0.6 mm gap
            }
        }

        string path = Path.Combine(_folder, "site.json");
        File.WriteAllText(path, pack.ToJsonString());
        var analyzer = new ProstateMrProtocolAnalyzer(RulePack.Load(path));

        var findings = analyzer.Evaluate(ProstateXStudy.Study()).Findings;

        analyzer.Version.Should().EndWith("+site-prostate@2026.1");
        findings.Single(f => f.Finding.CriterionId == "pirads.dwi.echo-time").Finding.Should().BeEquivalentTo(new { Outcome = FindingOutcome.Fail, Threshold = "≤ 55 ms" });
        findings.Where(f => f.Finding.CriterionId == "pirads.t2w.slice-gap").Should().AllSatisfy(f => f.Finding.Outcome.Should().Be(FindingOutcome.Pass));
    }

    [TestCase("""{ "id": "x", "version": "1", "criteria": [ { "id": "a", "check": "parameter", "seriesType": "T2W", "parameter": "sliceThickness" } ] }""", "criterion a: needs \"min\" and/or \"max\"")]
    [TestCase("""{ "id": "x", "version": "1", "criteria": [ { "id": "a", "check": "present", "seriesType": "T2" } ] }""", "criterion a: unknown seriesType \"T2\"")]
    [TestCase("""{ "id": "x", "version": "1", "criteria": [ { "id": "a", "check": "present", "seriesType": "ADC" }, { "id": "a", "check": "present", "seriesType": "DWI" } ] }""", "criterion a: the id is used twice")]
    [TestCase("""{ "id": "x", "version": "1", "criteria": [ { "id": "a", "check": "parameter", "parameter": "sliceThicknes", "max": 3 } ] }""", "$.criteria[0].parameter")]
    [TestCase("""{ "id": "x", "version": "1", "criteria": [ { "id": "a", "check": "present", "seriesType": "ADC", "maximum": 3 } ] }""", "maximum")]
    public void A_broken_pack_is_refused_naming_the_file_and_the_fault(string json, string fault)
    {
        string path = Path.Combine(_folder, "broken.json");
        File.WriteAllText(path, json);

        FluentActions.Invoking(() => RulePack.Load(path)).Should().Throw<InvalidDataException>()
            .Which.Message.Should().Contain(path).And.Contain(fault);
    }
}
