using ImageQuality.Dicom;

namespace ImageQuality.Cli.Tests;

public sealed class PixelsAndRenderCommandTests
{
    private const string MrSmall = "robustness/pydicom-debian/MR_small.dcm";

    [Test]
    public void Raw_writes_the_native_little_endian_frame()
    {
        string file = CliRunner.CorpusFile(MrSmall);
        string raw = Path.Combine(Path.GetTempPath(), $"iq-raw-{Guid.NewGuid():N}.bin");
        try
        {
            (int code, _, string error) = CliRunner.Run("pixels", file, "--raw", raw);
            code.Should().Be(0, error);
            byte[] expected = DicomFile.Open(file).Dataset.Find(new DicomTag(0x7FE00010))!.Data.ToArray();
            File.ReadAllBytes(raw).Should().Equal(expected);
        }
        finally
        {
            File.Delete(raw);
        }
    }

    [Test]
    public void Stats_print_stored_and_modality_ranges()
    {
        string file = CliRunner.CorpusFile(MrSmall);
        (int code, string output, _) = CliRunner.Run("pixels", file, "--stats");
        code.Should().Be(0);
        output.Should().Contain("64x64").And.MatchRegex(@"\s+1\s+0\s+127\s+2145\s+518\.881");
    }

    [Test]
    public void Render_writes_a_png_of_the_requested_size()
    {
        string file = CliRunner.CorpusFile(MrSmall);
        string png = Path.Combine(Path.GetTempPath(), $"iq-render-{Guid.NewGuid():N}.png");
        try
        {
            (int code, string output, string error) = CliRunner.Run("render", file, "--size", "32", "--out", png);
            code.Should().Be(0, error);
            output.Should().Contain("32x32");
            File.ReadAllBytes(png).AsSpan(1, 3).ToArray().Should().Equal("PNG"u8.ToArray());
        }
        finally
        {
            File.Delete(png);
        }
    }

    [Test]
    public void Pixels_without_an_action_is_a_usage_error()
    {
        string file = CliRunner.CorpusFile(MrSmall);
        CliRunner.Run("pixels", file).ExitCode.Should().Be(2);
    }

    [Test]
    public void A_frame_that_does_not_exist_is_reported()
    {
        string file = CliRunner.CorpusFile(MrSmall);
        (int code, _, string error) = CliRunner.Run("pixels", file, "--stats", "--frame", "5");
        code.Should().Be(1);
        error.Should().Contain("1 frame(s)");
    }

    [Test]
    public void A_bad_window_is_a_usage_error()
    {
        string file = CliRunner.CorpusFile(MrSmall);
        CliRunner.Run("render", file, "--window", "abc", "--out", "/tmp/x.png").ExitCode.Should().Be(2);
    }
}
