using System.Collections.Concurrent;
using System.Diagnostics;
using ImageQuality.Dicom.IO;
using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Dicom.Tests.Conformance;

/// <summary>
/// The conformance run over the whole corpus, computed once: dcmdump on every file and, as each dump arrives,
/// our reader on the same file and the comparison. Test cases only look up their file's outcome.
/// </summary>
internal sealed class ConformanceRun
{
    private const int Workers = 2;

    private ConformanceRun(IReadOnlyDictionary<string, FileOutcome> outcomes, TimeSpan elapsed)
    {
        Outcomes = outcomes;
        Elapsed = elapsed;
    }

    /// <summary>Keyed by corpus-relative path.</summary>
    public IReadOnlyDictionary<string, FileOutcome> Outcomes { get; }

    /// <summary>Wall-clock time of the whole run: both oracles, our reader, the comparison.</summary>
    public TimeSpan Elapsed { get; }

    public static ConformanceRun Execute(IReadOnlyList<string> paths)
    {
        var stopwatch = Stopwatch.StartNew();
        var outcomes = new ConcurrentDictionary<string, FileOutcome>(StringComparer.Ordinal);
        var pydicomWanted = new ConcurrentBag<(string Path, FileOutcome Outcome)>();
        DcmdumpOracle.DumpAll(paths, Workers, dump =>
        {
            FileOutcome outcome = Judge(dump, pydicomWanted);
            outcomes[outcome.Relative] = outcome;
            dump.ReleaseLines();
        });

        CompareWithPydicom([.. pydicomWanted.OrderBy(w => w.Path, StringComparer.Ordinal)]);
        return new ConformanceRun(outcomes, stopwatch.Elapsed);
    }

    private static FileOutcome Judge(DcmdumpResult dump, ConcurrentBag<(string, FileOutcome)> pydicomWanted)
    {
        string relative = TestCorpus.Relative(dump.Path);
        DicomFile file;
        try
        {
            file = DicomFile.Open(dump.Path);
        }
        catch (DicomFormatException e)
        {
            var failed = new FileOutcome { Relative = relative, OurError = e, Dcmdump = dump };
            if (!ConformanceTables.ExpectedFailures.ContainsKey(relative))
            {
                failed.Problems.Add($"our reader refused it, and it is not in ExpectedFailures: {e.Message}");
            }

            if (!e.Message.Contains("offset", StringComparison.Ordinal))
            {
                failed.Problems.Add($"the error names no offset: {e.Message}");
            }

            return failed;
        }

        var outcome = new FileOutcome { Relative = relative, Dcmdump = dump };
        if (ConformanceTables.ExpectedFailures.ContainsKey(relative))
        {
            outcome.Problems.Add("it is in ExpectedFailures but our reader read it");
        }

        bool listedUnreadable = ConformanceTables.DcmtkCannotRead.ContainsKey(relative);
        if (!dump.Readable)
        {
            if (!listedUnreadable)
            {
                outcome.Problems.Add($"dcmdump cannot read it and it is not in DcmtkCannotRead: {string.Join(" | ", dump.Errors)}");
            }

            pydicomWanted.Add((dump.Path, outcome));
            return outcome;
        }

        if (listedUnreadable)
        {
            outcome.Problems.Add("it is in DcmtkCannotRead but dcmdump read it");
        }

        var differences = new List<ConformanceDifference>();
        outcome.Compared = DcmdumpComparer.Compare(file, dump, relative, differences);
        outcome.Explain(differences);
        return outcome;
    }

    /// <summary>Files dcmtk cannot read are compared with pydicom instead; where it is not installed we only know that we read them.</summary>
    private static void CompareWithPydicom(List<(string Path, FileOutcome Outcome)> wanted)
    {
        if (wanted.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<string, DcmdumpResult>? dumps = PydicomOracle.DumpAll([.. wanted.Select(w => w.Path)]);
        if (dumps is null)
        {
            return;
        }

        foreach ((string path, FileOutcome outcome) in wanted)
        {
            DcmdumpResult dump = dumps[path];
            if (!dump.Readable)
            {
                outcome.Problems.Add($"pydicom cannot read it either: {string.Join(" | ", dump.Errors)}");
                continue;
            }

            outcome.ComparedWithPydicom = true;
            var differences = new List<ConformanceDifference>();
            outcome.Compared = DcmdumpComparer.Compare(DicomFile.Open(path), dump, outcome.Relative, differences);
            outcome.Explain(differences);
        }
    }
}
