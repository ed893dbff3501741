using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ImageQuality.Dicom;
using ImageQuality.Dicom.Imaging;
using ImageQuality.Dicom.IO;

// Usage: ImageQuality.Bench.Codecs [corpus-folder] [--runs N] [--tool-runs N]
// Times our decode of every JPEG-LS and JPEG 2000 frame of the corpus (best of N, in process) against the
// command-line decoders on the same files (best of M, whole process: start, read, decode, write).
string root = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : FindCorpus();
int runs = Option("--runs", 10);
int toolRuns = Option("--tool-runs", 5);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;

TransferSyntax[] jpegLs = [TransferSyntax.JPEGLSLossless, TransferSyntax.JPEGLSNearLossless];
TransferSyntax[] jpeg2000 = [TransferSyntax.JPEG2000Lossless, TransferSyntax.JPEG2000, TransferSyntax.JPEG2000MCLossless, TransferSyntax.JPEG2000MC, TransferSyntax.HTJ2KLossless, TransferSyntax.HTJ2KLosslessRPCL, TransferSyntax.HTJ2K];
var files = new List<(string Path, TransferSyntax Syntax)>();
foreach (string path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
{
    try
    {
        TransferSyntax ts = DicomFile.Open(path, new DicomReadOptions { StopBeforePixelData = true }).TransferSyntax;
        if (Array.IndexOf(jpegLs, ts) >= 0 || Array.IndexOf(jpeg2000, ts) >= 0)
        {
            files.Add((path, ts));
        }
    }
    catch (Exception e) when (e is DicomFormatException or IOException or UnauthorizedAccessException)
    {
        // Not DICOM: licences, READMEs.
    }
}

double dcmdjplsStart = BestOf(toolRuns, () => RunTool("dcmdjpls", ["--version"]));
double gdcmconvStart = BestOf(toolRuns, () => RunTool("gdcmconv", ["--version"]));
double opjStart = BestOf(toolRuns, () => RunTool("opj_decompress", ["-h"]));
Console.WriteLine($"load average (/proc/loadavg) at start: {LoadAverage()}; {Environment.ProcessorCount} cores");
Console.WriteLine($"Process start (best of {toolRuns}, tool doing nothing): dcmdjpls {Ms(dcmdjplsStart)}, gdcmconv {Ms(gdcmconvStart)}, opj_decompress {Ms(opjStart)} ms");
Console.WriteLine($"ours: decode only, in process, best of {runs} (first call warms the JIT and loads the library); open+decode adds parsing the file.");
Console.WriteLine($"tool: whole process, best of {toolRuns}; tool-start: less the start time above (noisy: '<0' where start varied more than the decode).");
Console.WriteLine("tool: dcmdjpls for JPEG-LS, gdcmconv --raw for JPEG 2000; proc x: tool whole process / ours open+decode.");
Console.WriteLine("gdcm: gdcmconv --raw on every file (a second decoder for JPEG-LS), gdcm x: gdcm / ours open+decode.");
Console.WriteLine("opj lib: opj_decompress's own 'decode time' (same OpenJPEG), lib x: opj lib / ours.");
Console.WriteLine();
Console.WriteLine($"{"file",-52} {"syntax",-7} {"frames",6} {"KiB",7} {"ours",8} {"open+dec",8} {"tool",-14} {"tool ms",8} {"tool-start",10} {"proc x",7} {"gdcm",8} {"gdcm x",7} {"opj lib",8} {"lib x",7}");

string temp = Path.Combine(Path.GetTempPath(), $"iq-bench-codecs-{Environment.ProcessId}");
Directory.CreateDirectory(temp);
double sumOurs = 0;
double sumOpen = 0;
double sumOpj = 0;
double sumOursJ2k = 0;
double sumTool = 0;
double sumToolNet = 0;
try
{
    foreach ((string path, TransferSyntax syntax) in files)
    {
        string name = Path.GetRelativePath(root, path);
        byte[] bytes = File.ReadAllBytes(path);
        DicomPixelData pixels;
        try
        {
            pixels = DicomPixelData.Create(DicomFile.Open(new MemoryStream(bytes)));
            DecodeAll(pixels);
        }
        catch (DicomPixelDataException e)
        {
            Console.WriteLine($"{Short(name),-52} {Uid(syntax),-7} not decodable: {e.Message}");
            continue;
        }

        double ours = BestOf(runs, () => DecodeAll(pixels));
        double openDecode = BestOf(runs, () => DecodeAll(DicomPixelData.Create(DicomFile.Open(new MemoryStream(bytes)))));
        bool isJpegLs = Array.IndexOf(jpegLs, syntax) >= 0;
        string tool = isJpegLs ? "dcmdjpls" : "gdcmconv --raw";
        string output = Path.Combine(temp, "out.dcm");
        double toolMs = isJpegLs
            ? BestOf(toolRuns, () => RunTool("dcmdjpls", [path, output]))
            : BestOf(toolRuns, () => RunTool("gdcmconv", ["--raw", path, output]));
        double net = toolMs - (isJpegLs ? dcmdjplsStart : gdcmconvStart);
        double gdcmMs = isJpegLs ? BestOf(toolRuns, () => RunTool("gdcmconv", ["--raw", path, output])) : toolMs;
        double opjLib = isJpegLs ? double.NaN : OpjDecodeTime(pixels, temp);
        sumOurs += ours;
        sumOpen += openDecode;
        sumTool += toolMs;
        sumToolNet += Math.Max(0, net);
        if (!double.IsNaN(opjLib))
        {
            sumOpj += opjLib;
            sumOursJ2k += ours;
        }

        string netText = net < 0 ? "<0" : Ms(net);
        Console.WriteLine($"{Short(name),-52} {Uid(syntax),-7} {pixels.FrameCount,6} {bytes.Length / 1024,7} {Ms(ours),8} {Ms(openDecode),8} {tool,-14} {Ms(toolMs),8} {netText,10} {Ratio(toolMs, openDecode),7} {Ms(gdcmMs),8} {Ratio(gdcmMs, openDecode),7} {Ms(opjLib),8} {Ratio(opjLib, ours),7}");
    }
}
finally
{
    Directory.Delete(temp, recursive: true);
}

Console.WriteLine();
Console.WriteLine($"Totals: ours {Ms(sumOurs)} ms decode, {Ms(sumOpen)} ms open+decode; tools {Ms(sumTool)} ms whole process ({Ratio(sumTool, sumOpen)}), {Ms(sumToolNet)} ms less start ({Ratio(sumToolNet, sumOpen)}).");
Console.WriteLine($"JPEG 2000: opj_decompress library time {Ms(sumOpj)} ms vs ours {Ms(sumOursJ2k)} ms ({Ratio(sumOpj, sumOursJ2k)}).");
Console.WriteLine($"load average (/proc/loadavg) at end: {LoadAverage()}");
return 0;

static void DecodeAll(DicomPixelData pixels)
{
    for (int f = 0; f < pixels.FrameCount; f++)
    {
        pixels.DecodeFrame(f);
    }
}

// opj_decompress on the first frame's codestream; its "decode time: N ms" line is the library's own time.
static double OpjDecodeTime(DicomPixelData pixels, string temp)
{
    ReadOnlySpan<byte> frame = pixels.GetCompressedFrame(0).Span;
    string input = Path.Combine(temp, frame.Length > 1 && frame[1] == 0x4F ? "in.j2k" : "in.jp2");
    File.WriteAllBytes(input, frame.ToArray());
    string output = Path.Combine(temp, pixels.Description.SamplesPerPixel == 1 ? "out.pgm" : "out.ppm");
    double best = double.MaxValue;
    for (int i = 0; i < 5; i++)
    {
        (_, string stdout) = Run("opj_decompress", ["-i", input, "-o", output]);
        Match m = Regex.Match(stdout, @"decode time: (\d+(\.\d+)?) ms");
        if (m.Success)
        {
            best = Math.Min(best, double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        }
    }

    return best == double.MaxValue ? double.NaN : best;
}

static double RunTool(string tool, string[] arguments)
{
    var watch = Stopwatch.StartNew();
    (int exit, _) = Run(tool, arguments);
    watch.Stop();
    return exit < 0 ? double.NaN : watch.Elapsed.TotalMilliseconds;
}

static (int Exit, string Stdout) Run(string tool, string[] arguments)
{
    var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (string a in arguments)
    {
        start.ArgumentList.Add(a);
    }

    try
    {
        using Process p = Process.Start(start)!;
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout + stderr.Result);
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return (-1, string.Empty); // tool not installed
    }
}

static double BestOf(int n, Action action)
{
    double best = double.MaxValue;
    for (int i = 0; i < n; i++)
    {
        long t0 = Stopwatch.GetTimestamp();
        action();
        best = Math.Min(best, Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
    }

    return best;
}

static string Ms(double ms) => double.IsNaN(ms) ? "n/a" : ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

static string Ratio(double tool, double ours) => double.IsNaN(tool) || ours <= 0 ? "n/a" : (tool / ours).ToString("0.0", CultureInfo.InvariantCulture) + "x";

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string Uid(TransferSyntax ts) => ts.Uid["1.2.840.10008.1.2".Length..];

static string Short(string name) => name.Length <= 52 ? name : "…" + name[^51..];

int Option(string name, int fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : fallback;
}

static string FindCorpus()
{
    for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
    {
        if (File.Exists(Path.Combine(d.FullName, "ImageQuality.sln")))
        {
            return Path.GetFullPath(Path.Combine(d.FullName, "..", "shared", "corpus"));
        }
    }

    throw new DirectoryNotFoundException("Cannot find the repository root (ImageQuality.sln) to locate ../shared/corpus; pass the corpus folder.");
}
