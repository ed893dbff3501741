using System.Text.Json;

namespace ImageQuality.Cli.Tests;

public sealed class DumpCommandTests
{
    private const string CtSmall = "robustness/pydicom-debian/CT_small.dcm";

    [Test]
    public void Prints_meta_and_data_set_one_line_per_element()
    {
        string file = CliRunner.CorpusFile(CtSmall);
        (int code, string output, string error) = CliRunner.Run("dump", file);
        code.Should().Be(0, error);
        output.Should().Contain("# Dicom-Meta-Information-Header");
        output.Should().MatchRegex(@"\(0002,0010\) UI \[1\.2\.840\.10008\.1\.2\.1\]\s+#\s+20, 1 ");
        output.Should().MatchRegex(@"\(0010,0010\) PN \[CompressedSamples\^CT1\]\s+#\s+22, 1 ");
        output.Should().Contain("  (fffe,e000) na (Item #=2)", "items are indented under their sequence");
    }

    [Test]
    public void Json_follows_the_dicom_json_model()
    {
        string file = CliRunner.CorpusFile(CtSmall);
        (int code, string output, _) = CliRunner.Run("dump", "--json", file);
        code.Should().Be(0);
        using JsonDocument doc = JsonDocument.Parse(output);
        JsonElement root = doc.RootElement;
        root.GetProperty("00100010").GetProperty("vr").GetString().Should().Be("PN");
        root.GetProperty("00100010").GetProperty("Value")[0].GetProperty("Alphabetic").GetString().Should().Be("CompressedSamples^CT1");
        root.GetProperty("00280010").GetProperty("Value")[0].GetInt32().Should().Be(128);
        root.GetProperty("00080008").GetProperty("Value").GetArrayLength().Should().Be(3);
        root.GetProperty("00101002").GetProperty("vr").GetString().Should().Be("SQ");
        root.GetProperty("00101002").GetProperty("Value").GetArrayLength().Should().Be(2);
        root.GetProperty("7FE00010").GetProperty("InlineBinary").GetString().Should().NotBeNullOrEmpty();
        root.TryGetProperty("00020010", out _).Should().BeFalse("the JSON model holds the data set, not the meta information");
    }

    [Test]
    public void Missing_file_is_a_usage_error()
    {
        (int code, _, string error) = CliRunner.Run("dump", "/nonexistent/file.dcm");
        code.Should().Be(2);
        error.Should().Contain("no such file");
    }

    [Test]
    public void A_broken_file_among_good_ones_gives_exit_code_1_and_names_the_offset()
    {
        string good = CliRunner.CorpusFile(CtSmall);
        string truncated = CliRunner.CorpusFile("robustness/pydicom/MR_truncated.dcm");
        (int code, string output, string error) = CliRunner.Run("dump", good, truncated);
        code.Should().Be(1);
        output.Should().Contain("CompressedSamples^CT1");
        error.Should().Contain("MR_truncated.dcm").And.Contain("offset");
    }

    [Test]
    public void Unknown_option_is_a_usage_error()
    {
        (int code, _, string error) = CliRunner.Run("dump", "--no-such-option", "x.dcm");
        code.Should().Be(2);
        error.Should().Contain("--no-such-option");
    }

    [Test]
    public void Every_verb_has_help()
    {
        (int code, string output, _) = CliRunner.Run("dump", "--help");
        code.Should().Be(0);
        output.Should().Contain("--json").And.Contain("Exit code");
    }

    [Test]
    public void Header_only_stops_before_pixel_data()
    {
        string file = CliRunner.CorpusFile(CtSmall);
        (int code, string output, _) = CliRunner.Run("dump", "--header-only", file);
        code.Should().Be(0);
        output.Should().NotContain("(7fe0,0010) OW");
        output.Should().Contain("Pixel Data not read");
    }
}
