using System.Diagnostics;
using System.Globalization;
using ImageQuality.Bench.Decode;
using ImageQuality.Dicom;
using ImageQuality.Dicom.Imaging;

// Times our decode of one file (best of N, in process) against dcmdjpeg on the same file (best of M process
// runs). dcmdjpeg's time includes process start, reading and writing the file, so it is also timed on an
// already uncompressed copy of the same image, which it only reads and writes: the difference estimates its
// decode time alone. CPU time is reported beside wall time because wall time is noisy on a shared machine:
// this thread's CPU time for our decoder, perf's task-clock (or /usr/bin/time) for dcmdjpeg.
string path = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal)
    ? args[0]
    : Path.Combine(FindRepoRoot(), "..", "shared", "corpus", "mammo_dicom", "GH133_GE_SenographeEssential_R_MLO_JPEGLossless.dcm");
int runs = Option("--runs", 10);
int toolRuns = Option("--dcmtk-runs", 5);
if (!File.Exists(path))
{
    Console.Error.WriteLine($"No such file: {path}");
    return 2;
}

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
DicomFile file = DicomFile.Open(path);
var pixels = DicomPixelData.Create(file);
PixelDataDescription d = pixels.Description;
Console.WriteLine($"{Path.GetFileName(path)}: {file.TransferSyntax.Name}, {d.Columns}x{d.Rows}, {d.BitsStored}/{d.BitsAllocated} bits, {d.SamplesPerPixel} sample(s), {pixels.FrameCount} frame(s), {new FileInfo(path).Length / 1024.0 / 1024.0:F2} MiB");

long first = Stopwatch.GetTimestamp();
pixels.DecodeFrame(0);
double firstMs = Stopwatch.GetElapsedTime(first).TotalMilliseconds;
pixels.DecodeFrame(0);
double decodeBest = double.MaxValue;
double decodeCpuBest = double.MaxValue;
for (int i = 0; i < runs; i++)
{
    double cpu0 = CpuTime.ThreadMilliseconds();
    long t0 = Stopwatch.GetTimestamp();
    for (int f = 0; f < pixels.FrameCount; f++)
    {
        pixels.DecodeFrame(f);
    }

    decodeBest = Math.Min(decodeBest, Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
    decodeCpuBest = Math.Min(decodeCpuBest, CpuTime.ThreadMilliseconds() - cpu0);
}

double readDecodeBest = double.MaxValue;
for (int i = 0; i < Math.Max(1, runs / 2); i++)
{
    long t0 = Stopwatch.GetTimestamp();
    var p = DicomPixelData.Create(DicomFile.Open(path));
    for (int f = 0; f < p.FrameCount; f++)
    {
        p.DecodeFrame(f);
    }

    readDecodeBest = Math.Min(readDecodeBest, Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
}

Console.WriteLine($"ours    decode (all frames)        best of {runs,2}: {decodeBest,8:F1} ms wall  {decodeCpuBest,8:F1} ms cpu");
Console.WriteLine($"ours    first decode in this process (JIT)    : {firstMs,8:F1} ms wall");
Console.WriteLine($"ours    read file + decode         best of {Math.Max(1, runs / 2),2}: {readDecodeBest,8:F1} ms wall");

string? dcmdjpeg = FindOnPath("dcmdjpeg");
if (dcmdjpeg is null)
{
    Console.WriteLine("dcmdjpeg is not installed (Debian package dcmtk): no comparison.");
    return 0;
}

string work = Path.Combine(Path.GetTempPath(), $"iq-bench-decode-{Environment.ProcessId}");
Directory.CreateDirectory(work);
try
{
    string output = Path.Combine(work, "out.dcm");
    string uncompressed = Path.Combine(work, "uncompressed.dcm");
    if (Run(dcmdjpeg, path, uncompressed).ExitCode != 0)
    {
        Console.WriteLine("dcmdjpeg cannot decode this file: no comparison.");
        return 0;
    }

    (double wall, double cpu) tool = Best(toolRuns, () => Run(dcmdjpeg, path, output));
    (double wall, double cpu) baseline = Best(toolRuns, () => Run(dcmdjpeg, uncompressed, output));
    Console.WriteLine($"dcmdjpeg compressed -> native      best of {toolRuns,2}: {tool.wall,8:F1} ms wall  {tool.cpu,8:F1} ms cpu");
    Console.WriteLine($"dcmdjpeg native -> native (no-op)  best of {toolRuns,2}: {baseline.wall,8:F1} ms wall  {baseline.cpu,8:F1} ms cpu  (process start, read, write)");
    double adjustedWall = tool.wall - baseline.wall;
    double adjustedCpu = tool.cpu - baseline.cpu;
    Console.WriteLine($"dcmdjpeg decode alone (difference)            : {adjustedWall,8:F1} ms wall  {adjustedCpu,8:F1} ms cpu");
    Console.WriteLine($"ratio ours / dcmdjpeg, raw                     : {decodeBest / tool.wall,8:F2} wall  {decodeCpuBest / tool.cpu,8:F2} cpu");
    Console.WriteLine($"ratio ours / dcmdjpeg, overhead-adjusted       : {Ratio(decodeBest, adjustedWall),8} wall  {Ratio(decodeCpuBest, adjustedCpu),8} cpu");
}
finally
{
    Directory.Delete(work, recursive: true);
}

return 0;

static string Ratio(double ours, double theirs) => theirs > 0 ? (ours / theirs).ToString("F2", CultureInfo.InvariantCulture) : "n/a";

static (double Wall, double Cpu) Best(int n, Func<(int ExitCode, double Wall, double Cpu)> run)
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

// Runs the tool under perf stat (task-clock, in ms) or /usr/bin/time (10 ms steps) for its CPU time; wall time is measured here.
static (int ExitCode, double Wall, double Cpu) Run(string tool, string input, string output)
{
    string? perf = File.Exists("/usr/bin/perf") && Environment.GetEnvironmentVariable("IQ_BENCH_NO_PERF") is null ? "/usr/bin/perf" : null;
    string? time = File.Exists("/usr/bin/time") ? "/usr/bin/time" : null;
    var start = new ProcessStartInfo(perf ?? time ?? tool)
    {
        RedirectStandardError = true,
        RedirectStandardOutput = true,
        UseShellExecute = false,
    };
    if (perf is not null)
    {
        foreach (string a in new[] { "stat", "-x", ",", "-e", "task-clock", tool })
        {
            start.ArgumentList.Add(a);
        }
    }
    else if (time is not null)
    {
        foreach (string a in new[] { "-f", "IQCPU %U %S", tool })
        {
            start.ArgumentList.Add(a);
        }
    }

    start.ArgumentList.Add(input);
    start.ArgumentList.Add(output);
    long t0 = Stopwatch.GetTimestamp();
    using Process p = Process.Start(start)!;
    string stderr = p.StandardError.ReadToEnd();
    p.StandardOutput.ReadToEnd();
    p.WaitForExit();
    double wall = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
    double cpu = double.NaN;
    foreach (string line in stderr.Split('\n'))
    {
        string[] parts = line.Trim().Split(perf is not null ? ',' : ' ');
        if (perf is not null && parts.Length > 2 && parts[2] == "task-clock" && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double ms))
        {
            cpu = ms;
        }
        else if (perf is null && parts.Length == 3 && parts[0] == "IQCPU")
        {
            cpu = 1000 * (double.Parse(parts[1], CultureInfo.InvariantCulture) + double.Parse(parts[2], CultureInfo.InvariantCulture));
        }
    }

    return (p.ExitCode, wall, cpu);
}

int Option(string name, int fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : fallback;
}

static string FindRepoRoot()
{
    for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ImageQuality.sln")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}

static string? FindOnPath(string tool)
{
    foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':'))
    {
        string candidate = Path.Combine(dir, tool);
        if (dir.Length > 0 && File.Exists(candidate))
        {
            return candidate;
        }
    }

    return null;
}
