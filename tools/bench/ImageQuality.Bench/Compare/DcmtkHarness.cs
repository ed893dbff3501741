namespace ImageQuality.Bench.Compare;

/// <summary>
/// dcmdump +sb 7fe0,0010 (stop before Pixel Data), output to /dev/null: one process per file as a user or
/// script runs it (start-up included), and one process for all files so that start-up is paid once.
/// </summary>
internal sealed class DcmtkHarness(string dcmdump)
{
    private const string StopBeforePixelData = "+sb 7fe0,0010";

    public static DcmtkHarness? Find() => ExternalProcess.FindOnPath("dcmdump") is { } path ? new DcmtkHarness(path) : null;

    public string Version
    {
        get
        {
            string output = ExternalProcess.Run(dcmdump, ["--version"]).Output;
            string first = output.Split('\n', 2)[0].Trim();
            return first.Length > 0 ? first : "dcmdump";
        }
    }

    /// <summary>Files dcmdump rejects (non-zero exit), with its first error (E:) line, else its first line.</summary>
    public Dictionary<string, string> Check(IReadOnlyList<string> files)
    {
        string script = $$"""
            for f in "$@"; do
              err=$("$DCMDUMP" {{StopBeforePixelData}} "$f" 2>&1 >/dev/null) || printf '%s\t%s\n' "$f" "$(printf '%s\n' "$err" | grep -m 1 '^E:' || printf '%s\n' "$err" | head -n 1)"
            done
            """;
        return ParseFailures(Bash(script, files).Output);
    }

    public Timing? TimePerProcess(IReadOnlyList<string> files, int rounds)
    {
        string script = $$"""for f in "$@"; do "$DCMDUMP" {{StopBeforePixelData}} -q "$f" >/dev/null 2>&1 || exit 1; done""";
        return Timing.Rounds(() => Bash(script, files).ExitCode == 0, files.Count, rounds);
    }

    public Timing? TimeBatched(IReadOnlyList<string> files, int rounds)
    {
        string script = $$"""exec "$DCMDUMP" {{StopBeforePixelData}} -q "$@" >/dev/null 2>&1""";
        return Timing.Rounds(() => Bash(script, files).ExitCode == 0, files.Count, rounds);
    }

    private ExternalProcess.Result Bash(string script, IReadOnlyList<string> files)
    {
        // dcmdump's path travels in the environment of the inner bash, so no quoting is needed in the script.
        var args = new List<string>(files.Count + 4) { "-c", $"DCMDUMP='{dcmdump.Replace("'", "'\\''", StringComparison.Ordinal)}'\n{script}", "bash" };
        args.AddRange(files);
        return ExternalProcess.Run("/bin/bash", args);
    }

    internal static Dictionary<string, string> ParseFailures(string output)
    {
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0)
            {
                failures[line[..tab]] = line[(tab + 1)..];
            }
        }

        return failures;
    }
}
