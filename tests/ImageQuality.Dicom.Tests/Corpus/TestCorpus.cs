namespace ImageQuality.Dicom.Tests.Corpus;

/// <summary>
/// The shared corpus of real DICOM files at ../shared/corpus relative to the repository root. Tests that need it
/// call <see cref="RequireRoot"/>, which skips them with a clear message where the folder is absent.
/// </summary>
internal static class TestCorpus
{
    private static readonly Lazy<string?> LazyRepoRoot = new(FindRepoRoot);

    public static string? RepoRoot => LazyRepoRoot.Value;

    public static string? Root
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

    public static string RequireRoot()
    {
        string? root = Root;
        if (root is null)
        {
            Assert.Ignore("The DICOM corpus (../shared/corpus beside the repository) is absent; corpus tests skipped.");
        }

        return root!;
    }

    public static string File(string relative)
    {
        string path = Path.Combine(RequireRoot(), relative);
        if (!System.IO.File.Exists(path))
        {
            Assert.Ignore($"Corpus file {relative} is absent.");
        }

        return path;
    }

    /// <summary>Every file of the corpus that could be DICOM (licences, READMEs and JSON sidecars left out), sorted.</summary>
    public static IEnumerable<string> AllFiles()
    {
        string? root = Root;
        if (root is null)
        {
            return [];
        }

        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(p => !Path.GetRelativePath(root, p).StartsWith("licenses", StringComparison.Ordinal))
            .Where(p => Path.GetExtension(p) is not (".md" or ".txt" or ".tsv" or ".json" or ".dump" or ".gz"))
            .Where(p => Path.GetFileName(p) != "README")
            .Order(StringComparer.Ordinal);
    }

    public static string Relative(string path) => Path.GetRelativePath(Root ?? ".", path).Replace('\\', '/');

    private static string? FindRepoRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(d.FullName, "ImageQuality.sln")))
            {
                return d.FullName;
            }
        }

        return null;
    }
}
