using ImageQuality.Dicom;

namespace ImageQuality.Cli.Tests;

public sealed class SamplesCommandTests
{
    [Test]
    public void Mammo_writes_four_view_exams_with_truth_that_render()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"iq-samples-{Guid.NewGuid():N}");
        try
        {
            (int code, string output, string error) = CliRunner.Run("samples", "mammo", "--exams", "1", "--out", folder, "--seed", "4");

            code.Should().Be(0, error);
            output.Should().Contain("1 exams, 4 images");
            string[] files = [.. Directory.GetFiles(Path.Combine(folder, "exam-0001"), "*.dcm").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
            files.Should().Equal("LCC.dcm", "LMLO.dcm", "RCC.dcm", "RMLO.dcm");
            foreach (string file in files)
            {
                File.Exists(Path.Combine(folder, "exam-0001", file + ".truth.json")).Should().BeTrue();
            }

            var studies = files.Select(f => DicomFile.Open(Path.Combine(folder, "exam-0001", f)).Dataset.GetString(DicomTag.StudyInstanceUID)).Distinct();
            studies.Should().ContainSingle("the four views are one study");
            string png = Path.Combine(folder, "rmlo.png");
            CliRunner.Run("render", Path.Combine(folder, "exam-0001", "RMLO.dcm"), "--size", "256", "--out", png).ExitCode.Should().Be(0);
            new FileInfo(png).Length.Should().BePositive();
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Test]
    public void Mammo_refuses_a_fault_rate_outside_0_to_1()
    {
        (int code, _, string error) = CliRunner.Run("samples", "mammo", "--out", Path.GetTempPath(), "--fault-rate", "1.5");

        code.Should().Be(2);
        error.Should().Contain("--fault-rate");
    }
}
