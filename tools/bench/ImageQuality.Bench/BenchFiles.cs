namespace ImageQuality.Bench;

/// <summary>
/// Where the benchmarks find their inputs: the repository root (the folder holding ImageQuality.sln) and the
/// shared corpus beside it at ../shared/corpus, with the same file selection as the corpus tests.
/// </summary>
internal static class BenchFiles
{
    public const string MammogramRelative = "mammo_dicom/GH133_GE_SenographeEssential_R_MLO_JPEGLossless.dcm";

    private static readonly Lazy<string?> LazyRepoRoot = new(FindRepoRoot);

    public static string? RepoRoot => LazyRepoRoot.Value;

    public static string? CorpusRoot
    {
        get
        {
            if (RepoRoot is null)
            {
                return null;
            }

            string path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus"));
            return Directory.Exists(path) ? path : null;
        }
    }

    public static string? Mammogram => CorpusRoot is { } root && File.Exists(Path.Combine(root, MammogramRelative))
        ? Path.Combine(root, MammogramRelative)
        : null;

    /// <summary>Every corpus file that could be DICOM (licences, READMEs and sidecars left out), sorted; empty without a corpus.</summary>
    public static List<string> CorpusCandidates()
    {
        var files = new List<string>();
        if (CorpusRoot is not { } root)
        {
            return files;
        }

        foreach (string path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(root, path);
            if (relative.StartsWith("licenses", StringComparison.Ordinal) || Path.GetFileName(path) == "README")
            {
                continue;
            }

            if (Path.GetExtension(path) is ".md" or ".txt" or ".tsv" or ".json" or ".dump" or ".gz")
            {
                continue;
            }

            files.Add(path);
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>The corpus files our header parse accepts (the deliberately broken ones left out).</summary>
    public static List<string> ParsableCorpusFiles()
    {
        var files = new List<string>();
        foreach (string path in CorpusCandidates())
        {
            if (HeaderParse.TryParse(path, out _))
            {
                files.Add(path);
            }
        }

        return files;
    }

    public static string Relative(string path) =>
        CorpusRoot is { } root && path.StartsWith(root, StringComparison.Ordinal) ? Path.GetRelativePath(root, path) : path;

    private static string? FindRepoRoot()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (DirectoryInfo? d = new(start); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "ImageQuality.sln")))
                {
                    return d.FullName;
                }
            }
        }

        return null;
    }
}
