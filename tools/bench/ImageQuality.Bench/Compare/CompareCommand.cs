using System.Diagnostics;

namespace ImageQuality.Bench.Compare;

/// <summary>
/// Times header-only parsing by this toolkit, dcmdump and pydicom on the same files in one run, then prints
/// per-file means, ratios, the large-file allocation and whether each goal of issue 2 is met.
/// </summary>
internal static class CompareCommand
{
    public static int Run(string[] args)
    {
        if (!CompareOptions.TryParse(args, out CompareOptions options, out string? error))
        {
            if (!string.IsNullOrEmpty(error))
            {
                Console.Error.WriteLine(error);
            }

            Console.Error.WriteLine(CompareOptions.Usage);
            return string.IsNullOrEmpty(error) ? 0 : 2;
        }

        List<string> candidates = options.Paths.Count > 0 ? Expand(options.Paths) : BenchFiles.CorpusCandidates();
        if (candidates.Count == 0)
        {
            Console.WriteLine(options.Paths.Count > 0
                ? "No files found at the given paths."
                : "The corpus (../shared/corpus beside the repository) is absent; pass files or folders to compare on.");
        }

        DcmtkHarness? dcmtk = DcmtkHarness.Find();
        if (dcmtk is null)
        {
            Console.WriteLine("dcmdump is not on PATH (install dcmtk): dcmtk skipped.");
        }

        PydicomHarness? pydicom = PydicomHarness.Find(BenchFiles.RepoRoot, out string? noPydicom);
        if (pydicom is null)
        {
            Console.WriteLine($"pydicom skipped: {noPydicom}");
        }

        var report = new CompareReport
        {
            Machine = $"{Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}",
            DcmtkName = dcmtk?.Version,
        };

        List<string> files = ExcludeFailures(candidates, dcmtk, pydicom, report);
        if (files.Count > 0)
        {
            Console.WriteLine($"Timing {files.Count} files…");
            report.Files = files.Count;
            report.Ours = Timing.InProcess(() => HeaderParse.ParseAll(files), files.Count, options.Rounds, options.MinRoundSeconds);
            report.DcmtkBatched = dcmtk?.TimeBatched(files, options.Rounds);
            report.DcmtkPerProcess = options.ProcessRounds > 0 ? dcmtk?.TimePerProcess(files, options.ProcessRounds) : null;
            report.Pydicom = pydicom?.Time(files, options.Rounds, options.MinRoundSeconds);
            report.PydicomName = pydicom?.Version;
            if (options.Slowest > 0)
            {
                report.Slowest = SlowestFiles(files, options.Slowest);
            }
        }

        string large = SyntheticLargeFile.Create(options.LargeFileMiB);
        try
        {
            Console.WriteLine($"Large file {large}…");
            MeasureLargeFile(large, options, dcmtk, pydicom, report);
        }
        finally
        {
            if (!options.KeepLargeFile)
            {
                File.Delete(large);
            }
        }

        report.Print(Console.Out);
        return 0;
    }

    /// <summary>Files any of the three rejects are left out of all three, so every tool parses the same set.</summary>
    private static List<string> ExcludeFailures(List<string> candidates, DcmtkHarness? dcmtk, PydicomHarness? pydicom, CompareReport report)
    {
        if (candidates.Count == 0)
        {
            return candidates;
        }

        Console.WriteLine($"Checking {candidates.Count} files with each tool…");
        var excluded = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string path, string why) =>
            (excluded.TryGetValue(path, out List<string>? reasons) ? reasons : excluded[path] = []).Add(why);

        foreach (string path in candidates)
        {
            if (!HeaderParse.TryParse(path, out string? ours))
            {
                // The reader's messages start with the file name, which the list already shows.
                string message = ours is not null && ours.StartsWith(path + ": ", StringComparison.Ordinal) ? ours[(path.Length + 2)..] : ours ?? string.Empty;
                Add(path, $"ours: {message}");
            }
        }

        foreach ((string path, string why) in dcmtk?.Check(candidates) ?? [])
        {
            Add(path, $"dcmdump: {why}");
        }

        foreach ((string path, string why) in pydicom?.Check(candidates) ?? [])
        {
            Add(path, $"pydicom: {why}");
        }

        report.Excluded = excluded;
        var kept = new List<string>(candidates.Count);
        foreach (string path in candidates)
        {
            if (!excluded.ContainsKey(path))
            {
                kept.Add(path);
            }
        }

        return kept;
    }

    private static void MeasureLargeFile(string large, CompareOptions options, DcmtkHarness? dcmtk, PydicomHarness? pydicom, CompareReport report)
    {
        report.LargeFile = large;
        report.LargeFileBytes = new FileInfo(large).Length;

        // Warm first (JIT, the buffer pool), then count what one parse allocates on this thread.
        HeaderParse.Parse(large);
        long before = GC.GetAllocatedBytesForCurrentThread();
        HeaderParse.Parse(large);
        report.LargeHeaderAllocated = GC.GetAllocatedBytesForCurrentThread() - before;

        HeaderParse.ParseDeferred(large);
        before = GC.GetAllocatedBytesForCurrentThread();
        HeaderParse.ParseDeferred(large);
        report.LargeDeferredAllocated = GC.GetAllocatedBytesForCurrentThread() - before;

        report.LargeOurs = Timing.InProcess(() => HeaderParse.Parse(large), 1, options.Rounds, options.MinRoundSeconds);
        report.LargeOursDeferred = Timing.InProcess(() => HeaderParse.ParseDeferred(large), 1, options.Rounds, options.MinRoundSeconds);
        report.LargeDcmtk = dcmtk?.TimePerProcess([large], options.Rounds);
        report.LargePydicom = pydicom?.Time([large], options.Rounds, options.MinRoundSeconds);
    }

    private static List<(string Path, double Seconds)> SlowestFiles(List<string> files, int count)
    {
        var times = new List<(string Path, double Seconds)>(files.Count);
        foreach (string path in files)
        {
            times.Add((path, Timing.InProcess(() => HeaderParse.Parse(path), 1, rounds: 3, minRoundSeconds: 0.005).PerFileSeconds));
        }

        times.Sort((a, b) => b.Seconds.CompareTo(a.Seconds));
        return times.GetRange(0, Math.Min(count, times.Count));
    }

    private static List<string> Expand(List<string> paths)
    {
        var files = new List<string>();
        foreach (string p in paths)
        {
            if (Directory.Exists(p))
            {
                var inFolder = new List<string>(Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories));
                inFolder.Sort(StringComparer.Ordinal);
                files.AddRange(inFolder.ConvertAll(Path.GetFullPath));
            }
            else if (File.Exists(p))
            {
                files.Add(Path.GetFullPath(p));
            }
            else
            {
                Console.WriteLine($"No such file or folder: {p}");
            }
        }

        Debug.Assert(files.TrueForAll(Path.IsPathRooted));
        return files;
    }
}
