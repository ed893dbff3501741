using System.Diagnostics;
using ImageQuality.Dicom.IO;
using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Dicom.Tests.IO;

/// <summary>
/// dcmtk is an independent reader: it must read the files we write, in explicit and implicit VR little endian
/// (compressed files in their own syntax), without a single warning or error.
/// </summary>
public sealed class DcmtkReadsWhatWeWriteTests
{
    private const int SubsetSize = 30;
    private const int BatchSize = 20;

    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("iq-dcmdump-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Dcmdump_reads_a_subset_across_syntaxes_without_warnings() => DumpWithoutWarnings(SubsetAcrossSyntaxes());

    [Test]
    [Explicit("About 900 dcmdump reads; run by hand after writer changes.")]
    public void Dcmdump_reads_every_file_without_warnings() => DumpWithoutWarnings(Parseable().Select(p => p.Path));

    private void DumpWithoutWarnings(IEnumerable<string> sources)
    {
        string dcmdump = RequireDcmdump();
        var written = new List<(string File, string Source)>();
        foreach (string source in sources)
        {
            if (TryOpen(source, DicomReadOptions.Default) is not { } file)
            {
                continue;
            }

            TransferSyntax[] targets = RoundTripTests.HasEncapsulatedPixelData(file)
                ? [file.TransferSyntax]
                : [TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ImplicitVRLittleEndian];
            foreach (TransferSyntax target in targets)
            {
                string name = Path.Combine(_dir, $"{written.Count:D4}_{target.Uid}_{Path.GetFileName(source)}");
                file.Save(name, new DicomWriteOptions { TransferSyntax = target });
                written.Add((name, source));
            }
        }

        written.Should().NotBeEmpty();

        // dcmdump over many files at once is fast; the files of a batch that complains are then dumped one by
        // one to name them.
        var failures = new List<string>();
        foreach ((string File, string Source)[] batch in written.Chunk(BatchSize))
        {
            (int exitCode, List<string> complaints) = Run(dcmdump, batch.Select(w => w.File).ToList());
            if (exitCode != 0 || complaints.Count > 0)
            {
                failures.AddRange(FileByFile(dcmdump, batch));
            }
        }

        Assert.That(failures, Is.Empty, () => string.Join(Environment.NewLine, failures));
    }

    private static IEnumerable<string> FileByFile(string dcmdump, IEnumerable<(string File, string Source)> files)
    {
        foreach ((string file, string source) in files)
        {
            (int code, List<string> lines) = Run(dcmdump, [file]);
            if (code == 0 && lines.Count == 0)
            {
                continue;
            }

            // What the source itself makes dcmtk say (group 0001 elements, say) is faithfully kept, not our doing.
            List<string> inherited = Run(dcmdump, [source]).Complaints;
            List<string> ours = lines.Where(l => !inherited.Contains(l)).ToList();
            TestContext.Out.WriteLine($"{Path.GetFileName(file)}: dcmtk complains as it does about {TestCorpus.Relative(source)}: {string.Join(" | ", lines.Except(ours).Distinct())}");
            if (code != 0 || ours.Count > 0)
            {
                yield return $"{Path.GetFileName(file)} (from {TestCorpus.Relative(source)}): exit {code}: {string.Join(" | ", ours.Take(5))}";
            }
        }
    }

    private static (int ExitCode, List<string> Complaints) Run(string dcmdump, IReadOnlyList<string> files)
    {
        var start = new ProcessStartInfo(dcmdump)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string f in files)
        {
            start.ArgumentList.Add(f);
        }

        using Process process = Process.Start(start)!;
        var complaints = new List<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line && (line.StartsWith("W:", StringComparison.Ordinal) || line.StartsWith("E:", StringComparison.Ordinal)))
            {
                lock (complaints)
                {
                    complaints.Add(line);
                }
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            Assert.Fail("dcmdump did not finish within two minutes");
        }

        process.WaitForExit();
        return (process.ExitCode, complaints);
    }

    /// <summary>Up to <see cref="SubsetSize"/> files, taken in turn from each transfer syntax of the corpus so that every syntax is represented.</summary>
    private static IEnumerable<string> SubsetAcrossSyntaxes()
    {
        List<Queue<string>> bySyntax = Parseable()
            .GroupBy(p => p.Syntax, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Queue<string>(g.Select(p => p.Path)))
            .ToList();
        var picked = new List<string>();
        while (picked.Count < SubsetSize && bySyntax.Any(q => q.Count > 0))
        {
            foreach (Queue<string> q in bySyntax)
            {
                if (q.Count > 0 && picked.Count < SubsetSize)
                {
                    picked.Add(q.Dequeue());
                }
            }
        }

        return picked;
    }

    /// <summary>The corpus files whose header parses, with their transfer syntax.</summary>
    private static IEnumerable<(string Path, string Syntax)> Parseable()
    {
        TestCorpus.RequireRoot();
        foreach (string path in TestCorpus.AllFiles())
        {
            if (TryOpen(path, new DicomReadOptions { StopBeforePixelData = true }) is { } header)
            {
                yield return (path, header.TransferSyntax.Uid);
            }
        }
    }

    private static DicomFile? TryOpen(string path, DicomReadOptions options)
    {
        try
        {
            return DicomFile.Open(path, options);
        }
        catch (DicomFormatException)
        {
            // Files that do not parse are the reader's tests' business.
            return null;
        }
    }

    private static string RequireDcmdump()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(dir, "dcmdump");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Ignore("dcmtk's dcmdump is not installed; the dcmtk check is skipped.");
        return "";
    }
}
