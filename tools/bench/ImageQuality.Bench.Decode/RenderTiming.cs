using System.Diagnostics;
using ImageQuality.Dicom;
using ImageQuality.Dicom.Imaging;
using ImageQuality.Dicom.Imaging.Pipeline;
using ImageQuality.Dicom.Imaging.Rendering;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ImageQuality.Bench.Decode;

/// <summary>
/// What <c>iq render --size 1024</c> does, in process and warm: open the file, decode the frame, run the grayscale
/// pipeline, downscale to 1024 px and encode a PNG (into memory). The whole path is timed through
/// <see cref="DicomRenderer"/> (best and median of N wall time, and the least process CPU time: ImageSharp resizes
/// on several threads, and on a busy machine CPU time is the steadier figure), then each step alone.
/// </summary>
internal static class RenderTiming
{
    public const int TargetSize = 1024;
    public const double GoalMs = 300;

    public static void Run(string path, int runs, PngEncoder encoder)
    {
        var options = new RenderOptions { MaxSize = TargetSize };
        long pngBytes = RenderToPng(path, options, encoder); // warm-up: JIT, page cache
        var totals = new double[runs];
        double cpu = double.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (int i = 0; i < runs; i++)
        {
            process.Refresh();
            TimeSpan cpu0 = process.TotalProcessorTime;
            long t0 = Stopwatch.GetTimestamp();
            RenderToPng(path, options, encoder);
            totals[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            process.Refresh();
            cpu = Math.Min(cpu, (process.TotalProcessorTime - cpu0).TotalMilliseconds);
        }

        Array.Sort(totals);
        var steps = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < runs; i++)
        {
            Step(steps, "open", out DicomFile file, () => DicomFile.Open(path));
            Step(steps, "decode", out PixelFrame frame, () => DicomPixelData.Create(file).DecodeFrame(0));
            Step(steps, "pipeline", out byte[] grey, () => GrayscalePipeline.Create(file.Dataset, frame).Render(frame));
            Step(steps, "resize", out Image<L8> image, () =>
            {
                Image<L8> img = Image.LoadPixelData<L8>(grey, frame.Width, frame.Height);
                double scale = TargetSize / (double)Math.Max(img.Width, img.Height);
                img.Mutate(x => x.Resize((int)Math.Round(img.Width * scale), (int)Math.Round(img.Height * scale), KnownResamplers.Box));
                return img;
            });
            Step(steps, "png", out long _, () =>
            {
                using var output = new MemoryStream();
                image.SaveAsPng(output, encoder);
                return output.Length;
            });
            image.Dispose();
        }

        string breakdown = string.Join(", ", steps.Select(s => $"{s.Key} {s.Value:F1}"));
        string verdict = totals[0] <= GoalMs ? "meets" : "misses";
        Console.WriteLine($"render   open+decode+pipeline+{TargetSize}px+PNG best of {runs,2}: {totals[0],8:F1} ms wall, median {totals[runs / 2]:F1} ms, {cpu:F1} ms process cpu ({verdict} the {GoalMs:F0} ms goal; PNG {pngBytes / 1024} KiB, compression level {encoder.CompressionLevel})");
        Console.WriteLine($"render   steps, best of {runs} each (ms): {breakdown}");
    }

    private static long RenderToPng(string path, RenderOptions options, PngEncoder encoder)
    {
        using Image image = DicomRenderer.Render(DicomFile.Open(path), options);
        using var output = new MemoryStream();
        image.SaveAsPng(output, encoder);
        return output.Length;
    }

    private static void Step<T>(Dictionary<string, double> best, string name, out T result, Func<T> step)
    {
        long t0 = Stopwatch.GetTimestamp();
        result = step();
        double ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        best[name] = best.TryGetValue(name, out double b) ? Math.Min(b, ms) : ms;
    }
}
