using System.Diagnostics;
using System.Text;

namespace ImageQuality.Dicom.Tests.Conformance;

/// <summary>
/// Runs dcmtk's dcmdump, the oracle of the conformance test, over many files. Options that make the output
/// comparable: <c>-Un</c> UID numbers not names; <c>+L</c> long values whole; <c>-M +R 256</c> values over 256 KB are
/// not loaded (only their length is compared; everything else is compared byte for byte); <c>+U8</c> text in the
/// Specific Character Set converted to UTF-8; <c>-dc</c> no automatic data correction; <c>+Qn</c> control and
/// non-ASCII bytes quoted as <c>&amp;#N;</c>, so a value with CR LF stays on one line; <c>+F</c> a heading per file.
/// </summary>
internal static class DcmdumpOracle
{
    private const string FileHeadingPrefix = "# dcmdump (";

    /// <summary>
    /// Values up to this many KB are printed and compared byte for byte, which covers the pixel data of most of
    /// the corpus (byte order included); longer ones are compared by length.
    /// </summary>
    private const string MaxLoadedKilobytes = "256";

    private static readonly string[] CommonOptions = ["-Un", "+L", "-M", "+R", MaxLoadedKilobytes, "-dc", "+Qn", "+F"];

    private static readonly Lazy<string?> LazyDcmdump = new(() => FindOnPath("dcmdump"));
    private static readonly Lazy<string?> LazyStdbuf = new(() => FindOnPath("stdbuf"));

    public static string? ExecutablePath => LazyDcmdump.Value;

    /// <summary>
    /// Dumps every file, <paramref name="workers"/> dcmdump processes at a time, handing each file's result to
    /// <paramref name="onResult"/> (on a worker thread) as soon as it is complete, so that a caller can compare and
    /// drop it rather than hold every dump of the corpus at once.
    /// </summary>
    public static void DumpAll(IReadOnlyList<string> paths, int workers, Action<DcmdumpResult> onResult)
    {
        string dcmdump = ExecutablePath ?? throw new InvalidOperationException("dcmdump is not on PATH");

        // Loading dcmtk's dictionary costs ~40 ms a process, so many files go to one process. Its log lines
        // (stderr) are only attributable to a file when they interleave with the per-file headings on
        // stdout, which needs line-buffered stdout (stdbuf); without it every file gets its own process.
        int batchSize = LazyStdbuf.Value is null ? 1 : 25;
        Parallel.ForEach(paths.Chunk(batchSize), new ParallelOptions { MaxDegreeOfParallelism = workers }, batch =>
            Run(dcmdump, batch, utf8: true, r =>
            {
                // dcmtk's iconv cannot convert some character sets (ISO 2022 IR 87 with glibc): dump those raw.
                bool conversionFailed = r.Errors.Exists(e => e.Contains("character encoding", StringComparison.Ordinal)
                    || e.Contains("DcmSpecificCharacterSet", StringComparison.Ordinal));
                if (conversionFailed)
                {
                    Run(dcmdump, [r.Path], utf8: false, onResult);
                }
                else
                {
                    onResult(r);
                }
            }));
    }

    private static void Run(string dcmdump, string[] files, bool utf8, Action<DcmdumpResult> onResult)
    {
        var psi = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.Latin1,
            StandardErrorEncoding = Encoding.Latin1,
        };
        psi.ArgumentList.Add("-c");
        if (LazyStdbuf.Value is { } stdbuf)
        {
            psi.ArgumentList.Add("exec \"$0\" -oL \"$@\" 2>&1");
            psi.ArgumentList.Add(stdbuf);
        }
        else
        {
            psi.ArgumentList.Add("exec \"$0\" \"$@\" 2>&1");
        }

        psi.ArgumentList.Add(dcmdump);
        foreach (string o in CommonOptions)
        {
            psi.ArgumentList.Add(o);
        }

        if (utf8)
        {
            psi.ArgumentList.Add("+U8");
        }

        foreach (string f in files)
        {
            psi.ArgumentList.Add(f);
        }

        using Process process = Process.Start(psi) ?? throw new InvalidOperationException("dcmdump did not start");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        Split(process.StandardOutput, files, utf8, onResult);
        process.WaitForExit();
        stderr.Wait();
        if (stderr.Result.Length > 0)
        {
            // Only the shell itself writes here (dcmtk's stderr goes to stdout): it could not run dcmdump.
            throw new InvalidOperationException($"dcmdump failed to run: {stderr.Result}");
        }
    }

    /// <summary>Cuts the merged output at each "# dcmdump (i/N): path" heading and parses each part.</summary>
    internal static void Split(StreamReader output, string[] files, bool utf8, Action<DcmdumpResult> onResult)
    {
        int seen = 0;
        DcmdumpResult? current = null;
        bool inMeta = false;
        string? line;
        while ((line = output.ReadLine()) is not null)
        {
            if (line.StartsWith(FileHeadingPrefix, StringComparison.Ordinal))
            {
                if (seen == files.Length)
                {
                    throw new InvalidOperationException($"dcmdump printed more file headings than the {files.Length} files given");
                }

                if (current is not null)
                {
                    onResult(current);
                }

                current = new DcmdumpResult { Path = files[seen++], ConvertedToUtf8 = utf8 };
                inMeta = false;
                continue;
            }

            if (current is null)
            {
                continue;
            }

            if (line.Length > 2 && line[1] == ':' && line[2] == ' ' && line[0] is 'E' or 'F' or 'W' or 'I' or 'D' or 'T')
            {
                if (line[0] == 'W')
                {
                    current.Warnings.Add(line);
                }
                else if (line[0] is 'E' or 'F')
                {
                    current.Errors.Add(line);
                }
            }
            else if (line == "# Dicom-Meta-Information-Header")
            {
                inMeta = true;
            }
            else if (line == "# Dicom-Data-Set")
            {
                inMeta = false;
            }
            else if (line.StartsWith("# Used TransferSyntax: ", StringComparison.Ordinal))
            {
                if (!inMeta)
                {
                    current.DatasetTransferSyntax = line["# Used TransferSyntax: ".Length..];
                }
            }
            else if (DcmdumpLineParser.TryParse(line, out DcmdumpLine parsed) && parsed.Kind != DcmdumpLineKind.Delimiter)
            {
                (inMeta ? current.Meta : current.Dataset).Add(parsed);
            }
        }

        if (seen != files.Length)
        {
            throw new InvalidOperationException($"dcmdump printed {seen} file headings for {files.Length} files");
        }

        onResult(current!);
    }

    internal static string? FindOnPath(string name)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
