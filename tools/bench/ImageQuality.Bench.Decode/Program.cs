using System.Globalization;
using ImageQuality.Bench.Decode;

// Times our JPEG decode of one file against dcmtk's dcmdjpeg on the same file; see README.md beside this file.
//   ImageQuality.Bench.Decode [file.dcm] [--runs N] [--dcmtk-runs M] [--large]
// Without a file: the GE Senographe mammogram of the corpus (3062x2394, 16/12-bit, JPEG Lossless SV1).
// --large also builds a 3328x4096 16-bit mammogram from it (mirrored tiles), compressed by dcmcjpeg +e1.
// --render also times decode + render to a 1024-px PNG of each file (--png-level 0-9, default ImageSharp's).
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
bool render = Array.IndexOf(args, "--render") >= 0;
var png = new SixLabors.ImageSharp.Formats.Png.PngEncoder();
if (Option("--png-level", -1) is int level and >= 0 and <= 9)
{
    png = new SixLabors.ImageSharp.Formats.Png.PngEncoder { CompressionLevel = (SixLabors.ImageSharp.Formats.Png.PngCompressionLevel)level };
}

Console.WriteLine($"load average (/proc/loadavg) at start: {Tools.LoadAverage()}; {Environment.ProcessorCount} cores");
string path = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal)
    ? args[0]
    : Path.Combine(Tools.FindRepoRoot(), "..", "shared", "corpus", "mammo_dicom", "GH133_GE_SenographeEssential_R_MLO_JPEGLossless.dcm");
int runs = Option("--runs", 10);
int toolRuns = Option("--dcmtk-runs", 5);
if (!File.Exists(path))
{
    Console.Error.WriteLine($"No such file: {path}");
    return 2;
}

string work = Path.Combine(Path.GetTempPath(), $"iq-bench-decode-{Environment.ProcessId}");
Directory.CreateDirectory(work);
try
{
    DecodeComparison.Run(path, runs, toolRuns, work);
    if (render)
    {
        RenderTiming.Run(path, runs, png);
    }

    if (Array.IndexOf(args, "--large") >= 0)
    {
        string? large = LargeMammogram.Create(path, 3328, 4096, work);
        if (large is not null)
        {
            Console.WriteLine();
            DecodeComparison.Run(large, runs, toolRuns, work);
            if (render)
            {
                RenderTiming.Run(large, runs, png);
            }
        }
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

Console.WriteLine($"load average (/proc/loadavg) at end: {Tools.LoadAverage()}");

return 0;

int Option(string name, int fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : fallback;
}
