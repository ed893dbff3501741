using System.Globalization;
using System.Text.Json;

namespace ImageQuality.Bench.Compare;

/// <summary>Runs tools/bench/pydicom_header.py with Debian's /usr/bin/python3 (python3-pydicom).</summary>
internal sealed class PydicomHarness(string python, string script)
{
    public const string Python = "/usr/bin/python3";

    public string Version { get; private set; } = "pydicom";

    /// <summary>The harness, or null with the reason when Python, the script or pydicom is missing.</summary>
    public static PydicomHarness? Find(string? repoRoot, out string? why)
    {
        why = null;
        string? script = repoRoot is null ? null : Path.Combine(repoRoot, "tools", "bench", "pydicom_header.py");
        if (!File.Exists(Python))
        {
            why = $"{Python} is absent (install python3-pydicom)";
            return null;
        }

        if (script is null || !File.Exists(script))
        {
            why = "tools/bench/pydicom_header.py is absent";
            return null;
        }

        ExternalProcess.Result probe = ExternalProcess.Run(Python, [script, "check"], string.Empty);
        if (probe.ExitCode != 0)
        {
            why = probe.Error.Trim();
            return null;
        }

        return new PydicomHarness(Python, script);
    }

    public Dictionary<string, string> Check(IReadOnlyList<string> files) =>
        DcmtkHarness.ParseFailures(ExternalProcess.Run(python, [script, "check"], Lines(files)).Output);

    public Timing? Time(IReadOnlyList<string> files, int rounds, double minRoundSeconds)
    {
        ExternalProcess.Result r = ExternalProcess.Run(
            python,
            [script, "time", "--rounds", rounds.ToString(CultureInfo.InvariantCulture), "--min-round-seconds", minRoundSeconds.ToString("R", CultureInfo.InvariantCulture)],
            Lines(files));
        if (r.ExitCode != 0)
        {
            Console.WriteLine($"pydicom timing failed: {r.Error.Trim()}");
            return null;
        }

        using var json = JsonDocument.Parse(r.Output);
        JsonElement root = json.RootElement;
        Version = $"pydicom {root.GetProperty("pydicom").GetString()} (Python {root.GetProperty("python").GetString()})";
        return new Timing(root.GetProperty("best_round_seconds").GetDouble(), root.GetProperty("repetitions").GetInt32(), root.GetProperty("files").GetInt32());
    }

    private static string Lines(IReadOnlyList<string> files) => string.Join('\n', files) + "\n";
}
