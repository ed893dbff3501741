using System.Globalization;

namespace ImageQuality.Bench.Compare;

/// <summary>Options of the compare mode; see tools/bench/README.md.</summary>
internal sealed record CompareOptions
{
    /// <summary>Rounds for the in-process timings (ours, pydicom) and batched dcmdump; the best one counts.</summary>
    public int Rounds { get; init; } = 5;

    /// <summary>Rounds of one-dcmdump-per-file, which costs about a tenth of a second a file each round.</summary>
    public int ProcessRounds { get; init; } = 2;

    /// <summary>In-process rounds repeat the file set until a round lasts at least this long, so timer resolution does not matter.</summary>
    public double MinRoundSeconds { get; init; } = 0.3;

    public int LargeFileMiB { get; init; } = SyntheticLargeFile.SizeFromEnvironment();

    public bool KeepLargeFile { get; init; }

    /// <summary>Print this many files that take ours longest, to find where the reader spends its time.</summary>
    public int Slowest { get; init; }

    /// <summary>Files or folders to use instead of the corpus.</summary>
    public List<string> Paths { get; init; } = [];

    public static bool TryParse(string[] args, out CompareOptions options, out string? error)
    {
        options = new CompareOptions();
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            switch (a)
            {
                case "--rounds" or "--process-rounds" or "--large-mb" or "--slowest" when TryInt(args, i, out int n):
                    options = a switch
                    {
                        "--rounds" => options with { Rounds = Math.Max(1, n) },
                        "--process-rounds" => options with { ProcessRounds = n },
                        "--slowest" => options with { Slowest = n },
                        _ => options with { LargeFileMiB = Math.Max(1, n) },
                    };
                    i++;
                    break;
                case "--min-round-ms" when TryInt(args, i, out int ms):
                    options = options with { MinRoundSeconds = ms / 1000.0 };
                    i++;
                    break;
                case "--keep-large":
                    options = options with { KeepLargeFile = true };
                    break;
                case "-h" or "--help":
                    error = string.Empty;
                    return false;
                default:
                    if (a.StartsWith('-'))
                    {
                        error = $"Unknown or incomplete option '{a}'";
                        return false;
                    }

                    options.Paths.Add(a);
                    break;
            }
        }

        return true;
    }

    public const string Usage = """
        Usage: ImageQuality.Bench compare [options] [file-or-folder…]
          Times header-only parsing by this toolkit, dcmdump and pydicom on the same files (default: the corpus
          at ../shared/corpus) and prints per-file means, ratios and the goals of issue 2.
          --rounds N          best of N rounds for in-process timings and batched dcmdump (default 5)
          --process-rounds N  rounds of one dcmdump process per file (default 2; 0 skips)
          --min-round-ms MS   repeat the file set until an in-process round lasts this long (default 300)
          --large-mb N        size of the synthetic large file in MiB (default 256, or IQ_BENCH_LARGE_MB)
          --keep-large        keep the synthetic file in the temp folder afterwards
          --slowest N         also list the N files our parse takes longest on
        """;

    private static bool TryInt(string[] args, int i, out int value)
    {
        value = 0;
        return i + 1 < args.Length
            && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value >= 0;
    }
}
