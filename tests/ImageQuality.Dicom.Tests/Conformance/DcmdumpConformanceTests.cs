using System.Globalization;
using System.Text;
using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Dicom.Tests.Conformance;

/// <summary>
/// Issue 2: every corpus file either parses or fails with a clear error, and every parsed file agrees with
/// dcmtk's dcmdump element by element (tag, VR, value); differences are either known (and documented with the
/// standard's text) or fail the test.
/// </summary>
[TestFixture]
[Category("Corpus")]
public sealed class DcmdumpConformanceTests
{
    private const int MaxListed = 200;

    private static readonly Lazy<ConformanceRun> LazyRun = new(() => ConformanceRun.Execute([.. TestCorpus.AllFiles()]));

    public static IEnumerable<TestCaseData> CorpusFiles()
    {
        List<string> files = [.. TestCorpus.AllFiles()];
        if (files.Count == 0)
        {
            yield return new TestCaseData(string.Empty).SetArgDisplayNames("corpus absent")
                .Ignore("The DICOM corpus (../shared/corpus beside the repository) is absent; conformance test skipped.");
            yield break;
        }

        foreach (string path in files)
        {
            string relative = TestCorpus.Relative(path);
            yield return new TestCaseData(relative).SetArgDisplayNames(relative);
        }
    }

    [OneTimeSetUp]
    public void RunOracles()
    {
        TestCorpus.RequireRoot();
        if (DcmdumpOracle.ExecutablePath is null)
        {
            Assert.Ignore("dcmtk's dcmdump is not on PATH; the conformance test needs it as its oracle.");
        }

        _ = LazyRun.Value;
    }

    [TestCaseSource(nameof(CorpusFiles))]
    public void Agrees_with_dcmdump(string relative)
    {
        FileOutcome outcome = LazyRun.Value.Outcomes[relative];
        var report = new StringBuilder();
        foreach (string p in outcome.Problems)
        {
            report.AppendLine(p);
        }

        foreach ((ConformanceDifference d, KnownDifference? known) in outcome.Differences)
        {
            if (known is null)
            {
                report.AppendLine(d.ToString());
            }
            else
            {
                TestContext.Out.WriteLine($"known ({known.Id}): {d}");
            }
        }

        if (outcome.OurError is { } error)
        {
            TestContext.Out.WriteLine($"expected failure: {error.Message}");
        }

        if (report.Length > 0)
        {
            Assert.Fail(report.ToString());
        }
    }

    [Test]
    public void Summary()
    {
        IReadOnlyDictionary<string, FileOutcome> outcomes = LazyRun.Value.Outcomes;
        var byKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int unexpected = 0;
        foreach (FileOutcome o in outcomes.Values)
        {
            foreach ((ConformanceDifference d, KnownDifference? known) in o.Differences)
            {
                string key = known is null ? $"UNEXPECTED {d.Kind}" : $"known: {known.Id}";
                byKind[key] = byKind.GetValueOrDefault(key) + 1;
                unexpected += known is null ? 1 : 0;
            }

            unexpected += o.Problems.Count;
        }

        TextWriter w = TestContext.Out;
        w.WriteLine(Row("files", outcomes.Count));
        w.WriteLine(Row("files parsed and compared with dcmdump", outcomes.Values.Count(o => o.OurError is null && o.Dcmdump.Readable)));
        w.WriteLine(Row("files expected to fail (ExpectedFailures)", outcomes.Values.Count(o => o.OurError is not null)));
        w.WriteLine(Row("files dcmtk cannot read (DcmtkCannotRead)", outcomes.Values.Count(o => o.OurError is null && !o.Dcmdump.Readable)));
        w.WriteLine(Row("  of which compared with pydicom", outcomes.Values.Count(o => o.ComparedWithPydicom)));
        w.WriteLine(Row("files dumped raw (dcmtk cannot convert their character set)", outcomes.Values.Count(o => o.Dcmdump is { Readable: true, ConvertedToUtf8: false })));
        w.WriteLine(Row("elements compared", outcomes.Values.Sum(o => o.Compared)));
        w.WriteLine(Row("seconds for the whole run (oracles, reader, comparison)", (int)Math.Ceiling(LazyRun.Value.Elapsed.TotalSeconds)));
        w.WriteLine(Row("problems with files' outcomes", outcomes.Values.Sum(o => o.Problems.Count)));
        foreach ((string kind, int count) in byKind)
        {
            w.WriteLine(Row($"differences, {kind}", count));
        }

        // The first unexplained differences, so that one look at this test's output tells what is wrong.
        foreach (string line in outcomes.Values.OrderBy(o => o.Relative, StringComparer.Ordinal)
            .SelectMany(o => o.Problems.Select(p => $"{o.Relative}: {p}").Concat(o.Differences.Where(d => d.Known is null).Select(d => d.Difference.ToString())))
            .Take(MaxListed))
        {
            w.WriteLine(line);
        }

        unexpected.Should().Be(0, "every difference from dcmdump must be a documented known difference; see the failing file test cases");
    }

    private static string Row(string label, int count) => $"{label,-64} {count.ToString(CultureInfo.InvariantCulture),8}";
}
