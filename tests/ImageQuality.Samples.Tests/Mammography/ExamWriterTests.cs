using System.Diagnostics;
using ImageQuality.Analysis.Mammography.Landmarks;
using ImageQuality.Dicom;
using ImageQuality.Samples.Mammography;
using ImageQuality.Samples.Mammography.Dicom;
using ImageQuality.Samples.Mammography.Truth;

namespace ImageQuality.Samples.Tests.Mammography;

public sealed class ExamWriterTests
{
    private string _folder = string.Empty;

    [OneTimeSetUp]
    public void WriteOneSmallImageOfEachVendor()
    {
        _folder = Path.Combine(Path.GetTempPath(), "iq-synth-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        foreach (VendorStyle vendor in Enum.GetValues<VendorStyle>())
        {
            var spec = Specs.Small(ViewPosition.MLO, (int)vendor) with { Vendor = vendor, Photometric = vendor == VendorStyle.FujiLike ? PhotometricInterpretation.Monochrome1 : PhotometricInterpretation.Monochrome2 };
            SyntheticMammogram image = SyntheticMammogramGenerator.Generate(spec);
            SyntheticExamWriter.Write(Path.Combine(_folder, $"{vendor}.dcm"), image, SyntheticAcquisitionFactory.ForImage(spec, new Random((int)vendor)));
        }
    }

    [OneTimeTearDown]
    public void Remove() => Directory.Delete(_folder, recursive: true);

    private IEnumerable<string> Files => Directory.EnumerateFiles(_folder, "*.dcm").Order(StringComparer.Ordinal);

    [Test]
    public void Our_reader_reads_the_header_the_analysis_needs_and_decodes_the_pixels()
    {
        foreach (string path in Files)
        {
            DicomFile file = DicomFile.Open(path);
            DicomDataset ds = file.Dataset;
            MammogramGroundTruth truth = GroundTruthJson.Read(File.ReadAllText(path + ".truth.json"));

            file.TransferSyntax.Should().Be(TransferSyntax.ExplicitVRLittleEndian);
            ds.GetString(DicomTag.SOPClassUID).Should().Be("1.2.840.10008.5.1.4.1.1.1.2");
            ds.GetString(DicomTag.Modality).Should().Be("MG");
            ds.GetString(DicomTag.PresentationIntentType).Should().Be("FOR PRESENTATION");
            ds.GetString(DicomTag.ViewPosition).Should().Be("MLO");
            ds.GetString(DicomTag.ImageLaterality).Should().Be(truth.Laterality);
            ds.GetStrings(DicomTag.PatientOrientation).Should().Equal(truth.PatientOrientation);
            ds.GetDoubles(DicomTag.ImagerPixelSpacing).Should().HaveCount(2);
            ds.GetString(DicomTag.BreastImplantPresent).Should().Be("NO");
            ds.FindSequence(DicomTag.ViewCodeSequence)!.Items[0].GetString(DicomTag.CodeValue).Should().Be("399368009");
            ds.GetString(DicomTag.SOPInstanceUID).Should().StartWith("2.25.");
            using MammogramPlane plane = MammogramPlane.FromDataset(ds, file.TransferSyntax);
            (plane.Width, plane.Height).Should().Be((truth.Columns, truth.Rows));
            CanonicalOrientation.Determine(ds, plane).FlipColumns.Should().Be(truth.ChestWallSide == "right");
        }
    }

    [Test]
    public void Dcmdump_reads_every_file_without_complaint()
    {
        if (!File.Exists("/usr/bin/dcmdump"))
        {
            Assert.Ignore("dcmdump (Debian package dcmtk) is not installed");
        }

        foreach (string path in Files)
        {
            (int code, string output) = Run("/usr/bin/dcmdump", $"-M \"{path}\"");
            code.Should().Be(0, output);
            output.Should().NotContainAny("E: ", "W: ").And.Contain("(0054,0220)");
        }
    }

    [Test]
    public void Pydicom_reads_every_file_and_its_pixels()
    {
        if (!File.Exists("/usr/bin/python3") || Run("/usr/bin/python3", "-c \"import pydicom\"").Code != 0)
        {
            Assert.Ignore("pydicom (Debian package python3-pydicom) is not installed");
        }

        foreach (string path in Files)
        {
            (int code, string output) = Run("/usr/bin/python3", $"-c \"import pydicom, sys; d = pydicom.dcmread(sys.argv[1]); print(d.Rows, d.Columns, d.ViewPosition, len(d.PixelData))\" \"{path}\"");
            code.Should().Be(0, output);
            output.Should().Contain("MLO");
        }
    }

    private static (int Code, string Output) Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string stdout = process.StandardOutput.ReadToEnd(), stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr);
    }
}
