using System.CommandLine;
using ImageQuality.Dicom;
using ImageQuality.Samples.Mammography.Dataset;
using ImageQuality.Samples.Mammography.Truth;

namespace MammoDataset;

/// <summary>
/// <c>annotated --in DIR --out DIR</c>: real mammograms, each a DICOM file with its annotations beside it as
/// <c>&lt;file&gt;.truth.json</c> (the ground-truth schema; polygons that were not drawn are null or absent).
/// </summary>
internal static class AnnotatedVerb
{
    public static Command Create()
    {
        var input = new Option<DirectoryInfo>("--in", "-i") { Description = "Folder searched recursively for DICOM files with a <file>.truth.json beside them.", Required = true };
        var outFolder = new Option<DirectoryInfo>("--out", "-o") { Description = "Output folder (created; its files are replaced).", Required = true };
        var threads = new Option<int>("--threads") { Description = "Worker threads.", DefaultValueFactory = _ => 2 };
        var command = new Command("annotated", "Export annotated real images: each DICOM file with a <file>.truth.json sidecar (see src/ImageQuality.Samples/README.md)\nis prepared by the inference code and its annotations are moved onto the model grid. Files that cannot be read are\nreported and left out; the source of a sample is its StudyInstanceUID, so a study's views stay on one side of a split.")
        {
            input, outFolder, threads,
        };
        command.SetAction(parse =>
        {
            DirectoryInfo source = parse.GetValue(input)!;
            if (!source.Exists)
            {
                Console.Error.WriteLine($"MammoDataset annotated: {source.FullName}: no such folder");
                return 2;
            }

            string[] files = [.. Directory.EnumerateFiles(source.FullName, "*.truth.json", SearchOption.AllDirectories)
                .Select(f => f[..^".truth.json".Length]).Where(File.Exists).Order(StringComparer.Ordinal)];
            var failures = new List<string>();
            using var writer = new LandmarkDatasetWriter(parse.GetValue(outFolder)!.FullName);

            // Indices are assigned in file order as samples are appended; a file that fails leaves no gap.
            var gate = new Lock();
            OrderedExport.Run(writer, files.Length, Math.Max(1, parse.GetValue(threads)), i => Encode(files[i], failures, gate), "annotated");
            Console.WriteLine($"{writer.Count} samples from {files.Length} annotated files ({failures.Count} left out) to {parse.GetValue(outFolder)!.FullName}");
            foreach (string failure in failures)
            {
                Console.Error.WriteLine($"MammoDataset annotated: left out {failure}");
            }

            return failures.Count > 0 ? 1 : 0;
        });
        return command;
    }

    private static LandmarkSample? Encode(string path, List<string> failures, Lock gate)
    {
        try
        {
            MammogramGroundTruth truth = GroundTruthJson.Read(File.ReadAllText(path + ".truth.json"));
            DicomFile file = DicomFile.Open(path);
            string group = file.Dataset.GetString(DicomTag.StudyInstanceUID) ?? file.Dataset.GetString(DicomTag.PatientID) ?? Path.GetFileName(path);
            return LandmarkSampleEncoder.Encode(file.Dataset, file.TransferSyntax, truth, 0, $"annotated/{group}");
        }
        catch (Exception e) when (e is IOException or FormatException or InvalidDataException or System.Text.Json.JsonException or ImageQuality.Dicom.IO.DicomFormatException or ImageQuality.Dicom.Imaging.DicomPixelDataException or KeyNotFoundException or InvalidOperationException)
        {
            lock (gate)
            {
                failures.Add($"{path}: {e.Message}");
            }

            return null;
        }
    }
}
