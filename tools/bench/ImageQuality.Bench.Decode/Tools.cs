using System.Diagnostics;
using System.Globalization;

namespace ImageQuality.Bench.Decode;

/// <summary>Runs command line tools, under perf stat or /usr/bin/time for their CPU time when those exist.</summary>
internal static class Tools
{
    /// <returns>The exit code, the wall time measured here and the CPU time (NaN when it cannot be measured), in ms.</returns>
    public static (int ExitCode, double Wall, double Cpu) Run(string tool, string[] arguments)
    {
        string? perf = File.Exists("/usr/bin/perf") && Environment.GetEnvironmentVariable("IQ_BENCH_NO_PERF") is null ? "/usr/bin/perf" : null;
        string? time = File.Exists("/usr/bin/time") ? "/usr/bin/time" : null;
        var start = new ProcessStartInfo(perf ?? time ?? tool)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        string[] prefix = perf is not null ? ["stat", "-x", ",", "-e", "task-clock", tool]
            : time is not null ? ["-f", "IQCPU %U %S", tool]
            : [];
        foreach (string a in prefix.Concat(arguments))
        {
            start.ArgumentList.Add(a);
        }

        long t0 = Stopwatch.GetTimestamp();
        using Process p = Process.Start(start)!;
        string stderr = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        double wall = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        return (p.ExitCode, wall, ParseCpu(stderr, perf is not null));
    }

    /// <summary>The 1, 5 and 15 minute load averages: figures from a busy machine are read with them.</summary>
    public static string LoadAverage()
    {
        const string LoadAvg = "/proc/loadavg";
        return File.Exists(LoadAvg) ? string.Join(' ', File.ReadAllText(LoadAvg).Split(' ').Take(3)) : "n/a";
    }

    public static string? FindOnPath(string tool)
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

    public static string FindRepoRoot()
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

    private static double ParseCpu(string stderr, bool perf)
    {
        foreach (string line in stderr.Split('\n'))
        {
            string[] parts = line.Trim().Split(perf ? ',' : ' ');
            if (perf && parts.Length > 2 && parts[2] == "task-clock" && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double ms))
            {
                return ms;
            }

            if (!perf && parts.Length == 3 && parts[0] == "IQCPU")
            {
                return 1000 * (double.Parse(parts[1], CultureInfo.InvariantCulture) + double.Parse(parts[2], CultureInfo.InvariantCulture));
            }
        }

        return double.NaN;
    }
}
