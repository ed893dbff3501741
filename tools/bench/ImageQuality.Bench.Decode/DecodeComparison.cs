using System.Diagnostics;
using ImageQuality.Dicom;
using ImageQuality.Dicom.Imaging;
using ImageQuality.Dicom.Imaging.Codecs;

namespace ImageQuality.Bench.Decode;

/// <summary>
/// Our decode of every frame (best of N in this process) against dcmdjpeg on the same file (best of M process
/// runs). dcmdjpeg's time includes process start, reading and writing the file, so it is also timed on an already
/// uncompressed copy of the image, which it only reads and writes: the difference estimates its decode alone.
/// CPU time is reported beside wall time because wall time is noisy on a shared machine: this thread's CPU time
/// for our decoder, perf's task-clock (or /usr/bin/time) for dcmdjpeg.
/// </summary>
internal static class DecodeComparison
{
    public static void Run(string path, int runs, int toolRuns, string work)
    {
        DicomFile file = DicomFile.Open(path);
        var pixels = DicomPixelData.Create(file);
        PixelDataDescription d = pixels.Description;
        Console.WriteLine($"{Path.GetFileName(path)}: {file.TransferSyntax.Name}, {d.Columns}x{d.Rows}, {d.BitsStored}/{d.BitsAllocated} bits, {d.SamplesPerPixel} sample(s), {pixels.FrameCount} frame(s), {new FileInfo(path).Length / 1024.0 / 1024.0:F2} MiB");

        long first = Stopwatch.GetTimestamp();
        pixels.DecodeFrame(0);
        double firstMs = Stopwatch.GetElapsedTime(first).TotalMilliseconds;
        (double wall, double cpu) frames = Best(runs, () =>
        {
            for (int f = 0; f < pixels.FrameCount; f++)
            {
                pixels.DecodeFrame(f);
            }
        });

        // The codec alone, into one buffer: no allocation of (and page faults on) a new frame each time.
        IFrameCodec? codec = file.TransferSyntax.IsEncapsulated ? FrameCodecRegistry.Require(file.TransferSyntax) : null;
        byte[] destination = new byte[d.FrameLength];
        ReadOnlyMemory<byte>[] compressed = codec is null ? [] : Enumerable.Range(0, pixels.FrameCount).Select(pixels.GetCompressedFrame).ToArray();
        (double wall, double cpu) codecOnly = codec is null ? (double.NaN, double.NaN) : Best(runs, () =>
        {
            foreach (ReadOnlyMemory<byte> frame in compressed)
            {
                codec.Decode(frame.Span, d, destination);
            }
        });

        (double wall, double cpu) readDecode = Best(Math.Max(1, runs / 2), () =>
        {
            var p = DicomPixelData.Create(DicomFile.Open(path));
            for (int f = 0; f < p.FrameCount; f++)
            {
                p.DecodeFrame(f);
            }
        });

        Console.WriteLine($"ours     DecodeFrame, all frames      best of {runs,2}: {frames.wall,8:F1} ms wall {frames.cpu,8:F1} ms cpu");
        Console.WriteLine($"ours     codec into one buffer        best of {runs,2}: {codecOnly.wall,8:F1} ms wall {codecOnly.cpu,8:F1} ms cpu");
        Console.WriteLine($"ours     read file + DecodeFrame      best of {Math.Max(1, runs / 2),2}: {readDecode.wall,8:F1} ms wall {readDecode.cpu,8:F1} ms cpu");
        Console.WriteLine($"ours     first DecodeFrame in process (JIT)   : {firstMs,8:F1} ms wall");

        string? dcmdjpeg = Tools.FindOnPath("dcmdjpeg");
        if (toolRuns <= 0)
        {
            return;
        }

        if (dcmdjpeg is null)
        {
            Console.WriteLine("dcmdjpeg is not installed (Debian package dcmtk): no comparison.");
            return;
        }

        string output = Path.Combine(work, "out.dcm");
        string uncompressed = Path.Combine(work, "uncompressed.dcm");
        if (Tools.Run(dcmdjpeg, [path, uncompressed]).ExitCode != 0)
        {
            Console.WriteLine("dcmdjpeg cannot decode this file: no comparison.");
            return;
        }

        (double wall, double cpu) tool = BestProcess(toolRuns, () => Tools.Run(dcmdjpeg, [path, output]));
        (double wall, double cpu) baseline = BestProcess(toolRuns, () => Tools.Run(dcmdjpeg, [uncompressed, output]));
        double adjustedWall = tool.wall - baseline.wall;
        double adjustedCpu = tool.cpu - baseline.cpu;
        Console.WriteLine($"dcmdjpeg compressed -> native         best of {toolRuns,2}: {tool.wall,8:F1} ms wall {tool.cpu,8:F1} ms cpu");
        Console.WriteLine($"dcmdjpeg native -> native (overhead)  best of {toolRuns,2}: {baseline.wall,8:F1} ms wall {baseline.cpu,8:F1} ms cpu  (process start, read, write)");
        Console.WriteLine($"dcmdjpeg decode alone (difference)               : {adjustedWall,8:F1} ms wall {adjustedCpu,8:F1} ms cpu");
        Console.WriteLine($"ratio ours (DecodeFrame) / dcmdjpeg, raw         : {frames.wall / tool.wall,8:F2} wall {frames.cpu / tool.cpu,8:F2} cpu");
        Console.WriteLine($"ratio ours (DecodeFrame) / dcmdjpeg, adjusted    : {Ratio(frames.wall, adjustedWall),8} wall {Ratio(frames.cpu, adjustedCpu),8} cpu");
    }

    private static string Ratio(double ours, double theirs) => theirs > 0 ? (ours / theirs).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) : "n/a";

    private static (double Wall, double Cpu) Best(int n, Action action)
    {
        double wall = double.MaxValue;
        double cpu = double.MaxValue;
        for (int i = 0; i < n; i++)
        {
            double cpu0 = CpuTime.ThreadMilliseconds();
            long t0 = Stopwatch.GetTimestamp();
            action();
            wall = Math.Min(wall, Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            cpu = Math.Min(cpu, CpuTime.ThreadMilliseconds() - cpu0);
        }

        return (wall, cpu);
    }

    private static (double Wall, double Cpu) BestProcess(int n, Func<(int ExitCode, double Wall, double Cpu)> run)
    {
        double wall = double.MaxValue;
        double cpu = double.MaxValue;
        for (int i = 0; i < n; i++)
        {
            (int exit, double w, double c) = run();
            if (exit != 0)
            {
                throw new InvalidOperationException("dcmdjpeg failed during timing.");
            }

            wall = Math.Min(wall, w);
            cpu = Math.Min(cpu, c);
        }

        return (wall, cpu);
    }
}
