using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ImageQuality.Samples.Mammography.Dataset;

namespace MammoDataset;

/// <summary><c>synth --count N --seed S --out DIR</c>: random synthetic mammograms across vendors, views, spacings and faults.</summary>
internal static class SynthVerb
{
    public static Command Create()
    {
        var count = new Option<int>("--count", "-n") { Description = "Number of samples.", DefaultValueFactory = _ => 4000 };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed and count write the same bytes.", DefaultValueFactory = _ => 1 };
        var outFolder = new Option<DirectoryInfo>("--out", "-o") { Description = "Output folder (created; its files are replaced).", Required = true };
        var faultRate = new Option<double>("--fault-rate") { Description = "Share of images with a positioning fault.", DefaultValueFactory = _ => 0.3 };
        var pixel = new Option<double>("--pixel-mm") { Description = "Detector pixels are binned to about this size before export (the grid's cells are about 1 mm).", DefaultValueFactory = _ => 0.3 };
        var threads = new Option<int>("--threads") { Description = "Worker threads.", DefaultValueFactory = _ => 2 };
        var command = new Command("synth", "Export synthetic samples: random specs (GE-, Hologic-, Siemens-, Fuji-like; CC and MLO; L and R;\nMONOCHROME1/2; either chest-wall side; faults), each written as a DICOM file in memory, read back and\nprepared by the inference code.")
        {
            count, seed, outFolder, faultRate, pixel, threads,
        };
        command.SetAction(parse =>
        {
            int n = parse.GetValue(count), s = parse.GetValue(seed);
            double rate = parse.GetValue(faultRate), pixelMm = parse.GetValue(pixel);
            if (n < 1 || rate is < 0 or > 1 || pixelMm is < 0.05 or > 0.8)
            {
                Console.Error.WriteLine("MammoDataset synth: --count must be positive, --fault-rate in 0-1, --pixel-mm in 0.05-0.8");
                return 2;
            }

            var clock = Stopwatch.StartNew();
            using var writer = new LandmarkDatasetWriter(parse.GetValue(outFolder)!.FullName);
            OrderedExport.Run(writer, n, Math.Max(1, parse.GetValue(threads)), i => SyntheticLandmarkSamples.Make(i, s, rate, pixelMm), "synth");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{writer.Count} samples in {clock.Elapsed.TotalSeconds:0.0} s ({writer.Count / clock.Elapsed.TotalSeconds:0.0}/s) to {parse.GetValue(outFolder)!.FullName}"));
            return 0;
        });
        return command;
    }
}
