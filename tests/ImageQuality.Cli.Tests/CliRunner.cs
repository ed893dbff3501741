namespace ImageQuality.Cli.Tests;

/// <summary>Runs the iq entry point in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static string CorpusFile(string relative)
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "ImageQuality.sln")))
            {
                string path = Path.GetFullPath(Path.Combine(d.FullName, "..", "shared", "corpus", relative));
                if (!File.Exists(path))
                {
                    Assert.Ignore($"Corpus file {relative} is absent (../shared/corpus beside the repository); test skipped.");
                }

                return path;
            }
        }

        Assert.Ignore("Repository root not found; test skipped.");
        return string.Empty;
    }
}
