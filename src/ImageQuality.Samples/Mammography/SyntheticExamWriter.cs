using System.Globalization;
using ImageQuality.Dicom;
using ImageQuality.Samples.Mammography.Dicom;
using ImageQuality.Samples.Mammography.Truth;

namespace ImageQuality.Samples.Mammography;

/// <summary>
/// Writes synthetic four-view screening exams (R CC, L CC, R MLO, L MLO) as DICOM Part 10 files in explicit VR
/// little endian, one folder per exam, each image with its ground truth beside it as <c>&lt;file&gt;.truth.json</c>.
/// </summary>
public static class SyntheticExamWriter
{
    /// <summary>The study date of exam 1; later exams follow a few minutes apart, so scorecards have a timeline.</summary>
    private static readonly DateTime FirstStudy = new(2026, 1, 5, 8, 30, 0, DateTimeKind.Unspecified);

    /// <summary>Writes one exam under <paramref name="folder"/>; returns the files written (DICOM only).</summary>
    public static IReadOnlyList<string> WriteExam(string folder, int examNumber, int seed, double faultRate)
    {
        DateTime study = FirstStudy.AddDays(examNumber / 24).AddMinutes(20 * (examNumber % 24));
        string examFolder = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"exam-{examNumber:D4}"));
        Directory.CreateDirectory(examFolder);
        var written = new List<string>();
        foreach (var (spec, planned) in SyntheticExamPlanner.Plan(examNumber, seed, faultRate, study))
        {
            SyntheticMammogram image = SyntheticMammogramGenerator.Generate(spec);
            SyntheticAcquisition acquisition = planned;
            if (acquisition.PressureKpa > 0 && image.Truth.Measures is { BreastAreaMm2: > 0 } measures)
            {
                // kPa = N / mm² x 1000.
                acquisition = acquisition with { CompressionForceN = Math.Clamp(acquisition.PressureKpa * measures.BreastAreaMm2 / 1000, 50, 190) };
            }

            string path = Path.Combine(examFolder, $"{spec.ImageLaterality}{spec.ViewPosition}.dcm");
            Write(path, image, acquisition);
            written.Add(path);
        }

        return written;
    }

    /// <summary>One image and its truth sidecar.</summary>
    public static void Write(string path, SyntheticMammogram image, SyntheticAcquisition acquisition)
    {
        DicomDataset dataset = MammogramDatasetBuilder.Build(image, acquisition);
        new DicomFile(new DicomDataset(), dataset, TransferSyntax.ExplicitVRLittleEndian).Save(path);
        File.WriteAllText(path + ".truth.json", GroundTruthJson.Write(image.Truth, acquisition.SopInstanceUid));
    }
}
