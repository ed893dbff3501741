using System.Diagnostics;
using ImageQuality.Dicom.IO;
using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Dicom.Tests.IO;

/// <summary>
/// Deterministic mutation fuzzing of the reader: damaged variants of real files must either parse or throw
/// <see cref="DicomFormatException"/>, within a time limit and an allocation budget. Every failure names the
/// file, the seed and the mutation, which <see cref="FuzzMutator"/> reproduces exactly.
/// </summary>
public sealed class FuzzTests
{
    private const int SeedFiles = 40;
    private const int VariantsPerFile = 128;
    private const int MaxSeedFileBytes = 300 * 1024;
    private static readonly TimeSpan ParseLimit = TimeSpan.FromSeconds(2);

    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("iq-fuzz-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Mutated_corpus_files_parse_or_throw_DicomFormatException()
    {
        List<(string Path, bool Deflated)> seeds = SeedFilesAcrossSyntaxes();
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        int variants = 0;
        int parsed = 0;
        string file = Path.Combine(_dir, "variant.dcm");
        using var watchdog = new ParseWatchdog();
        for (int f = 0; f < seeds.Count; f++)
        {
            byte[] original = File.ReadAllBytes(seeds[f].Path);
            var mutator = new FuzzMutator(original, seeds[f].Deflated);
            long inflated = seeds[f].Deflated ? FuzzMutator.Inflate(original.AsSpan(FuzzMutator.MetaEnd(original))).Length + 8192 : 0;
            for (int v = 0; v < VariantsPerFile; v++)
            {
                int seed = (f * 100_000) + v;
                (byte[] bytes, string mutation) = mutator.Mutate(seed);
                File.WriteAllBytes(file, bytes);
                variants++;
                long budget = (4 * (bytes.Length + inflated)) + (1 << 20);
                foreach ((string how, Action parse) in Parses(bytes, file, every4th: v % 4 == 0))
                {
                    ParseWatchdog.Outcome outcome = watchdog.Run(parse, ParseLimit);
                    string where = $"{TestCorpus.Relative(seeds[f].Path)} seed {seed} [{how}] {mutation}";
                    if (Problem(outcome, budget) is { } problem)
                    {
                        failures.Add($"{where}: {problem}");
                    }
                    else if (outcome.Exception is null)
                    {
                        parsed++;
                    }
                }
            }
        }

        TestContext.Out.WriteLine($"{variants} variants of {seeds.Count} files, {parsed} parses succeeded, {failures.Count} failures, {clock.Elapsed.TotalSeconds:F1} s");
        variants.Should().BeGreaterThanOrEqualTo(5000);
        Assert.That(failures, Is.Empty, () => string.Join(Environment.NewLine, failures.Take(40)));
    }

    [Test]
    public void The_harness_reports_crashes_hangs_and_greed()
    {
        using var watchdog = new ParseWatchdog();

        Problem(watchdog.Run(() => throw new DicomFormatException("bad", 0), ParseLimit), 1 << 20).Should().BeNull();
        Problem(watchdog.Run(() => throw new InvalidOperationException("crash"), ParseLimit), 1 << 20).Should().StartWith("InvalidOperationException: crash");
        Problem(watchdog.Run(() => GC.KeepAlive(new byte[2 << 20]), ParseLimit), 1 << 20).Should().StartWith("allocated");
        Problem(watchdog.Run(() => Thread.Sleep(500), TimeSpan.FromMilliseconds(50)), 1 << 20).Should().StartWith("did not finish");

        // After a hang the next parse runs on a fresh worker.
        Problem(watchdog.Run(() => { }, ParseLimit), 1 << 20).Should().BeNull();
    }

    public static IEnumerable<TestCaseData> Encodings() =>
        from syntax in new[] { TransferSyntax.ImplicitVRLittleEndian, TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ExplicitVRBigEndian, TransferSyntax.DeflatedExplicitVRLittleEndian }
        from definedLength in new[] { false, true }
        select new TestCaseData(syntax, definedLength).SetArgDisplayNames(syntax.Name, definedLength ? "defined lengths" : "undefined lengths");

    [TestCaseSource(nameof(Encodings))]
    public void Ten_thousand_nested_sequences_are_refused_by_the_nesting_limit(TransferSyntax syntax, bool definedLength)
    {
        byte[] file = SyntheticFiles.Part10(syntax, SyntheticFiles.NestedSequences(10_000, syntax.IsExplicitVR, syntax.IsBigEndian, definedLength));
        string path = Path.Combine(_dir, "nested.dcm");
        File.WriteAllBytes(path, file);
        using var watchdog = new ParseWatchdog();
        foreach ((string how, Action parse) in Parses(file, path, every4th: true))
        {
            ParseWatchdog.Outcome outcome = watchdog.Run(parse, ParseLimit);
            Problem(outcome, (4L * file.Length) + (1 << 20)).Should().BeNull(how);
            outcome.Exception.Should().BeOfType<DicomFormatException>(how).Which.Message.Should().Contain("nested deeper than 64");
        }
    }

    [TestCaseSource(nameof(Encodings))]
    public void Sequences_nested_as_deep_as_the_limit_still_parse(TransferSyntax syntax, bool definedLength)
    {
        int limit = DicomReadOptions.Default.MaxNestingDepth;
        byte[] atLimit = SyntheticFiles.Part10(syntax, SyntheticFiles.NestedSequences(limit, syntax.IsExplicitVR, syntax.IsBigEndian, definedLength));
        byte[] overLimit = SyntheticFiles.Part10(syntax, SyntheticFiles.NestedSequences(limit + 1, syntax.IsExplicitVR, syntax.IsBigEndian, definedLength));

        DicomDataset dataset = DicomFileReader.Read(atLimit).Dataset;
        int depth = 0;
        while (dataset.Count == 1 && dataset[0] is DicomSequence { Items.Count: 1 } sq)
        {
            depth++;
            dataset = sq.Items[0];
        }

        depth.Should().Be(limit);
        FluentActions.Invoking(() => DicomFileReader.Read(overLimit)).Should().Throw<DicomFormatException>();
    }

    [Test]
    public void A_huge_length_in_a_deflated_data_set_does_not_allocate_it()
    {
        // A deflate stream does not tell its inflated length: only the bytes that arrive may be allocated for.
        byte[] body = [.. ExplicitLittleEndianElement(0x00080060, "CS", [(byte)'M', (byte)'R']), .. LongHeader(0x00420011, "OB", 0x40000000), .. new byte[100]];
        byte[] file = SyntheticFiles.Part10(TransferSyntax.DeflatedExplicitVRLittleEndian, body);
        string path = Path.Combine(_dir, "huge.dcm");
        File.WriteAllBytes(path, file);
        using var watchdog = new ParseWatchdog();
        foreach ((string how, Action parse) in Parses(file, path, every4th: true))
        {
            ParseWatchdog.Outcome outcome = watchdog.Run(parse, ParseLimit);
            outcome.Exception.Should().BeOfType<DicomFormatException>(how);
            outcome.AllocatedBytes.Should().BeLessThan(512 * 1024, how);
        }
    }

    [Test]
    public void A_huge_length_in_a_stream_of_unknown_length_does_not_allocate_it()
    {
        byte[] body = [.. ExplicitLittleEndianElement(0x00080060, "CS", [(byte)'M', (byte)'R']), .. LongHeader(0x7FE00010, "OW", 0x7FFFFF00), .. new byte[300_000]];
        byte[] file = SyntheticFiles.Part10(TransferSyntax.ExplicitVRLittleEndian, body);
        using var watchdog = new ParseWatchdog();

        ParseWatchdog.Outcome outcome = watchdog.Run(() => DicomFile.Open(new UnseekableStream(file)), ParseLimit);

        outcome.Exception.Should().BeOfType<DicomFormatException>();
        outcome.AllocatedBytes.Should().BeLessThan((2 * file.Length) + (256 * 1024), "chunks grow with the bytes that arrive");
    }

    private static byte[] ExplicitLittleEndianElement(uint tag, string vr, byte[] value) =>
        [(byte)(tag >> 16), (byte)(tag >> 24), (byte)tag, (byte)(tag >> 8), (byte)vr[0], (byte)vr[1], (byte)value.Length, (byte)(value.Length >> 8), .. value];

    private static byte[] LongHeader(uint tag, string vr, uint length) =>
        [(byte)(tag >> 16), (byte)(tag >> 24), (byte)tag, (byte)(tag >> 8), (byte)vr[0], (byte)vr[1], 0, 0, (byte)length, (byte)(length >> 8), (byte)(length >> 16), (byte)(length >> 24)];

    /// <summary>From memory, from a path header-only, from a path with deferred values, and (every fourth variant) from a stream that cannot seek or tell its length.</summary>
    private static IEnumerable<(string How, Action Parse)> Parses(byte[] bytes, string file, bool every4th)
    {
        yield return ("memory", () => DicomFileReader.Read(bytes));
        yield return ("path, stop before pixel data", () => DicomFile.Open(file, new DicomReadOptions { StopBeforePixelData = true }));
        yield return ("path, defer values over 64 bytes", () => DicomFile.Open(file, new DicomReadOptions { DeferValuesLongerThan = 64 }));
        if (every4th)
        {
            yield return ("unseekable stream", () => DicomFile.Open(new UnseekableStream(bytes)));
        }
    }

    internal static string? Problem(ParseWatchdog.Outcome outcome, long budget)
    {
        if (outcome.TimedOut)
        {
            return $"did not finish within {ParseLimit.TotalSeconds} s";
        }

        if (outcome.Exception is { } e and not DicomFormatException)
        {
            return $"{e.GetType().Name}: {e.Message}{Environment.NewLine}{e.StackTrace}";
        }

        if (outcome.AllocatedBytes > budget)
        {
            return $"allocated {outcome.AllocatedBytes:N0} bytes, over the budget of {budget:N0}";
        }

        return null;
    }

    /// <summary>Up to <see cref="SeedFiles"/> small corpus files, taken in turn from each transfer syntax (and from the files that do not parse).</summary>
    private static List<(string Path, bool Deflated)> SeedFilesAcrossSyntaxes()
    {
        TestCorpus.RequireRoot();
        var groups = new SortedDictionary<string, Queue<(string, bool)>>(StringComparer.Ordinal);
        foreach (string path in TestCorpus.AllFiles().Where(p => new FileInfo(p).Length < MaxSeedFileBytes))
        {
            string key;
            bool deflated = false;
            try
            {
                TransferSyntax syntax = DicomFile.Open(path).TransferSyntax;
                key = syntax.Uid;
                deflated = syntax.IsDeflated;
            }
            catch (DicomFormatException)
            {
                key = "does not parse";
            }

            if (!groups.TryGetValue(key, out Queue<(string, bool)>? queue))
            {
                groups[key] = queue = new Queue<(string, bool)>();
            }

            queue.Enqueue((path, deflated));
        }

        var picked = new List<(string Path, bool Deflated)>();
        while (picked.Count < SeedFiles && groups.Values.Any(q => q.Count > 0))
        {
            foreach (Queue<(string, bool)> queue in groups.Values)
            {
                if (queue.Count > 0 && picked.Count < SeedFiles)
                {
                    picked.Add(queue.Dequeue());
                }
            }
        }

        return picked;
    }
}
