using System.Diagnostics;
using System.Globalization;
using ImageQuality.Dicom.Imaging.Codecs;
using ImageQuality.Dicom.Imaging.Pipeline;
using ImageQuality.Dicom.Imaging.Rendering;
using ImageQuality.Dicom.Tests.Corpus;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageQuality.Dicom.Imaging.Tests;

/// <summary>
/// Our grayscale pipeline against dcmtk's dcm2pnm on the same file with the same VOI choice: at least 99% of
/// pixels within one grey level.
/// </summary>
public sealed class RenderingOracleTests
{
    public static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("robustness/fo-dicom/CR-MONO1-10-chest", "+Wi 1", new GrayscaleRenderOptions { WindowIndex = 0 }, "MONOCHROME1 with its window");
        yield return Case("robustness/fo-dicom/CR-MONO1-10-chest", "+Wm", new GrayscaleRenderOptions { MinMax = true }, "MONOCHROME1 min-max");
        yield return Case("robustness/fo-dicom/CR-ModalitySequenceLUT.dcm", "+Wm", new GrayscaleRenderOptions { MinMax = true }, "Modality LUT Sequence, MONOCHROME1");
        yield return Case("robustness/pydicom-data/mlut_18.dcm", "+Wm", new GrayscaleRenderOptions { MinMax = true }, "Modality LUT Sequence, signed");
        yield return Case("robustness/pydicom-data/vlut_04.dcm", "+Wl 1", new GrayscaleRenderOptions { VoiLutIndex = 0 }, "VOI LUT Sequence");
        yield return Case("robustness/pydicom-debian/MR_small.dcm", "+Wm", new GrayscaleRenderOptions { MinMax = true }, "signed 16-bit");
        yield return Case("robustness/pydicom-debian/CT_small.dcm", "+Wm", new GrayscaleRenderOptions { MinMax = true }, "CT rescale");
        yield return Case("mammo_dicom/GH133_GE_SenographeEssential_R_MLO_JPEGLossless.dcm", "+Wl 1", new GrayscaleRenderOptions { VoiLutIndex = 0 }, "GE mammogram, VOI LUT Sequence");
        yield return Case("mammo_dicom/GH133_GE_SenographeEssential_R_MLO_JPEGLossless.dcm", "+Wi 1", new GrayscaleRenderOptions { WindowIndex = 0 }, "GE mammogram, window");
    }

    private static TestCaseData Case(string file, string dcmtkOption, GrayscaleRenderOptions ours, string what) =>
        new TestCaseData(file, dcmtkOption, ours) { TestName = $"Agrees_with_dcm2pnm({what}: {Path.GetFileName(file)} {dcmtkOption})" };

    [TestCaseSource(nameof(Cases))]
    public void Agrees_with_dcm2pnm(string relative, string dcmtkOption, GrayscaleRenderOptions options)
    {
        string path = TestCorpus.File(relative);
        DicomFile file = DicomFile.Open(path);
        if (!FrameCodecRegistry.CanDecode(file.TransferSyntax))
        {
            Assert.Ignore($"No decoder for {file.TransferSyntax.Name} yet.");
        }

        (int width, int height, byte[] expected) = Dcm2Pnm(path, dcmtkOption.Split(' '));
        using Image image = DicomRenderer.Render(file, new RenderOptions { Grayscale = options });
        using Image<L8> gray = image.CloneAs<L8>();
        gray.Width.Should().Be(width);
        gray.Height.Should().Be(height);
        var ours = new byte[width * height];
        gray.CopyPixelDataTo(ours);

        int within = 0;
        int worst = 0;
        for (int i = 0; i < ours.Length; i++)
        {
            int diff = Math.Abs(ours[i] - expected[i]);
            worst = Math.Max(worst, diff);
            if (diff <= 1)
            {
                within++;
            }
        }

        double share = within / (double)ours.Length;
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{relative} {dcmtkOption}: {share:P3} of pixels within one grey level; largest difference {worst}"));
        share.Should().BeGreaterThanOrEqualTo(0.99);
    }

    private static (int Width, int Height, byte[] Pixels) Dcm2Pnm(string path, string[] options)
    {
        if (!File.Exists("/usr/bin/dcm2pnm"))
        {
            Assert.Ignore("dcm2pnm (Debian package dcmtk) is not installed; oracle test skipped.");
        }

        string output = Path.Combine(Path.GetTempPath(), $"iq-dcm2pnm-{Guid.NewGuid():N}.pgm");
        try
        {
            var start = new ProcessStartInfo("/usr/bin/dcm2pnm") { RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("+op");
            foreach (string o in options)
            {
                start.ArgumentList.Add(o);
            }

            start.ArgumentList.Add(path);
            start.ArgumentList.Add(output);
            using Process p = Process.Start(start)!;
            string error = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0)
            {
                Assert.Inconclusive($"dcm2pnm failed: {error}");
            }

            return ReadPgm(File.ReadAllBytes(output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Binary PGM (P5): magic, width, height, maximum, one whitespace byte, then the pixels.</summary>
    private static (int, int, byte[]) ReadPgm(byte[] bytes)
    {
        int at = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)bytes[at]) || bytes[at] == '#')
            {
                if (bytes[at] == '#')
                {
                    while (bytes[at] != '\n')
                    {
                        at++;
                    }
                }

                at++;
            }

            int start = at;
            while (!char.IsWhiteSpace((char)bytes[at]))
            {
                at++;
            }

            return System.Text.Encoding.ASCII.GetString(bytes, start, at - start);
        }

        Token().Should().Be("P5");
        int width = int.Parse(Token(), CultureInfo.InvariantCulture);
        int height = int.Parse(Token(), CultureInfo.InvariantCulture);
        Token().Should().Be("255");
        at++;
        return (width, height, bytes.AsSpan(at, width * height).ToArray());
    }
}
