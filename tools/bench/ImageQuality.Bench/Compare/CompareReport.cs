using System.Globalization;

namespace ImageQuality.Bench.Compare;

/// <summary>What the compare mode measured, and its printing as a table with ratios and the goals of issue 2.</summary>
internal sealed class CompareReport
{
    /// <summary>Issue 2: header-only parse of a large file allocates under 1 MB (10^6 bytes).</summary>
    public const long AllocationGoalBytes = 1_000_000;

    /// <summary>Issue 2: at least this many times faster than pydicom.</summary>
    public const double PydicomGoalRatio = 10;

    public string Machine { get; init; } = string.Empty;

    public string? DcmtkName { get; init; }

    public string? PydicomName { get; set; }

    public int Files { get; set; }

    public SortedDictionary<string, List<string>> Excluded { get; set; } = [];

    public Timing? Ours { get; set; }

    public Timing? DcmtkPerProcess { get; set; }

    public Timing? DcmtkBatched { get; set; }

    public Timing? Pydicom { get; set; }

    public List<(string Path, double Seconds)> Slowest { get; set; } = [];

    public string LargeFile { get; set; } = string.Empty;

    public long LargeFileBytes { get; set; }

    public long LargeHeaderAllocated { get; set; }

    public long LargeDeferredAllocated { get; set; }

    public Timing? LargeOurs { get; set; }

    public Timing? LargeOursDeferred { get; set; }

    public Timing? LargeDcmtk { get; set; }

    public Timing? LargePydicom { get; set; }

    public void Print(TextWriter o)
    {
        o.WriteLine();
        o.WriteLine($"Machine: {Machine}");
        PrintExcluded(o);

        if (Ours is { } ours)
        {
            o.WriteLine();
            o.WriteLine($"Header-only parse of {Files} files, per-file mean (best round):");
            Row(o, "tool", "per file", "ratio to ours", "one round: repetitions x files");
            Row(o, "ImageQuality.Dicom, in-process", Time(ours.PerFileSeconds), "1", Detail(ours));
            Compare(o, $"dcmdump, one process per file", DcmtkPerProcess, ours);
            Compare(o, $"dcmdump, one process for all", DcmtkBatched, ours);
            Compare(o, $"{PydicomName ?? "pydicom"} dcmread, in-process", Pydicom, ours);
            if (DcmtkName is not null)
            {
                o.WriteLine($"  ({DcmtkName}; dcmdump also prints every element, to /dev/null)");
            }

            if (Slowest.Count > 0)
            {
                o.WriteLine();
                o.WriteLine($"Slowest {Slowest.Count} files for ours (header only, best of 3):");
                foreach ((string path, double seconds) in Slowest)
                {
                    o.WriteLine($"  {Time(seconds),12}  {new FileInfo(path).Length,10:N0} B  {BenchFiles.Relative(path)}");
                }
            }
        }

        o.WriteLine();
        o.WriteLine($"Large synthetic file: {LargeFileBytes / (1024.0 * 1024.0):0} MiB explicit VR LE, {Path.GetFileName(LargeFile)}");
        Row(o, "operation", "time", "allocated", string.Empty);
        if (LargeOurs is { } lo)
        {
            Row(o, "ours, header only", Time(lo.PerFileSeconds), Bytes(LargeHeaderAllocated), string.Empty);
        }

        if (LargeOursDeferred is { } ld)
        {
            Row(o, "ours, full, defer > 64 KiB", Time(ld.PerFileSeconds), Bytes(LargeDeferredAllocated), string.Empty);
        }

        if (LargeDcmtk is { } lt)
        {
            Row(o, "dcmdump +sb 7fe0,0010, one process", Time(lt.PerFileSeconds), "-", string.Empty);
        }

        if (LargePydicom is { } lp)
        {
            Row(o, "pydicom dcmread stop_before_pixels", Time(lp.PerFileSeconds), "-", string.Empty);
        }

        PrintGoals(o);
    }

    private void PrintExcluded(TextWriter o)
    {
        if (Excluded.Count == 0)
        {
            return;
        }

        o.WriteLine();
        o.WriteLine($"Excluded from all three ({Excluded.Count} files some tool rejects):");
        foreach ((string path, List<string> reasons) in Excluded)
        {
            o.WriteLine($"  {BenchFiles.Relative(path)}");
            foreach (string why in reasons)
            {
                o.WriteLine($"      {Shorten(why, 140)}");
            }
        }
    }

    private void PrintGoals(TextWriter o)
    {
        o.WriteLine();
        o.WriteLine("Goals (issue 2):");
        if (Ours is { } ours)
        {
            Goal(o, "faster than dcmtk per file (one process per file)", DcmtkPerProcess, ours, 1);
            Goal(o, "faster than dcmtk per file (one process for all files)", DcmtkBatched, ours, 1);
            Goal(o, $"at least {PydicomGoalRatio:0}x faster than pydicom", Pydicom, ours, PydicomGoalRatio);
        }
        else
        {
            o.WriteLine("  speed goals: not measured (no files)");
        }

        string met = LargeHeaderAllocated < AllocationGoalBytes ? "MET    " : "NOT MET";
        o.WriteLine($"  [{met}] header-only parse of the large file allocates under 1 MB: {Bytes(LargeHeaderAllocated)}");
    }

    private static void Goal(TextWriter o, string goal, Timing? other, Timing ours, double ratio)
    {
        if (other is not { } t)
        {
            o.WriteLine($"  [SKIPPED] {goal}: tool not available");
            return;
        }

        double r = t.PerFileSeconds / ours.PerFileSeconds;
        o.WriteLine($"  [{(r >= ratio && r > 1 ? "MET    " : "NOT MET")}] {goal}: {Ratio(r)}");
    }

    private static void Compare(TextWriter o, string name, Timing? other, Timing ours)
    {
        if (other is { } t)
        {
            Row(o, name, Time(t.PerFileSeconds), Ratio(t.PerFileSeconds / ours.PerFileSeconds), Detail(t));
        }
        else
        {
            Row(o, name, "skipped", "-", string.Empty);
        }
    }

    private static void Row(TextWriter o, string a, string b, string c, string d) =>
        o.WriteLine($"  {a,-44} {b,12} {c,16}  {d}");

    private static string Detail(Timing t) => $"{t.Repetitions} x {t.Files} files";

    private static string Ratio(double r) => r.ToString(r >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture) + "x";

    internal static string Time(double seconds) => seconds switch
    {
        >= 1 => seconds.ToString("0.00", CultureInfo.InvariantCulture) + " s",
        >= 1e-3 => (seconds * 1e3).ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        _ => (seconds * 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " μs",
    };

    private static string Bytes(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + " B";

    private static string Shorten(string s, int max) => s.Length <= max ? s : string.Concat(s.AsSpan(0, max), "…");
}
