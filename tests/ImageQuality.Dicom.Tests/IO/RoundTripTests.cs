using ImageQuality.Dicom.IO;
using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Dicom.Tests.IO;

/// <summary>
/// Every corpus file that parses is written in each native transfer syntax (files with encapsulated pixel
/// data in their own syntax, the writer refusing to decompress) and read back: the data set must come back
/// the same, and the file meta information must be right.
/// </summary>
public sealed class RoundTripTests
{
    private static readonly DicomTag PixelData = new(0x7FE00010);

    public static IEnumerable<TestCaseData> CorpusFiles()
    {
        if (TestCorpus.Root is null)
        {
            // One case that skips, rather than none, which NUnit would report as an error.
            yield return new TestCaseData("").SetName("RoundTrip(corpus absent)");
            yield break;
        }

        foreach (string path in TestCorpus.AllFiles())
        {
            string relative = TestCorpus.Relative(path);
            yield return new TestCaseData(relative).SetName($"RoundTrip({relative})");
        }
    }

    [TestCaseSource(nameof(CorpusFiles))]
    public void Reads_back_what_it_writes(string relative)
    {
        string path = TestCorpus.File(relative);
        DicomFile source = OpenOrIgnore(path);
        var failures = new List<string>();
        foreach (RoundTripTarget target in TargetsFor(source, failures))
        {
            byte[] written = Write(source, target);
            failures.AddRange(MetaInformationCheck.Problems(written, target.Syntax).Select(p => $"{target}: meta information: {p}"));
            DicomFile reread;
            try
            {
                reread = DicomFileReader.Read(written);
            }
            catch (DicomFormatException e)
            {
                failures.Add($"{target}: cannot read back what was written: {e.Message}");
                continue;
            }

            if (!reread.TransferSyntax.Equals(target.Syntax))
            {
                failures.Add($"{target}: read back as {reread.TransferSyntax}");
            }

            failures.AddRange(DatasetComparer.Compare(source.Dataset, reread.Dataset, target.Syntax.IsExplicitVR).Take(10).Select(d => $"{target}: {d}"));
        }

        failures.Should().BeEmpty();
    }

    internal static DicomFile OpenOrIgnore(string path)
    {
        try
        {
            return DicomFile.Open(path);
        }
        catch (DicomFormatException e)
        {
            // Files that do not parse are the reader's tests' business.
            Assert.Ignore($"Does not parse: {e.Message}");
            throw;
        }
    }

    internal static bool HasEncapsulatedPixelData(DicomFile file) => file.Dataset.Find(PixelData) is DicomFragmentSequence;

    /// <summary>The native syntaxes, each also with explicit sequence lengths; or, for compressed pixel data, the file's own syntax.</summary>
    private static IEnumerable<RoundTripTarget> TargetsFor(DicomFile source, List<string> failures)
    {
        if (HasEncapsulatedPixelData(source))
        {
            foreach (TransferSyntax native in TransferSyntax.NativeSyntaxes)
            {
                // The writer does not decompress: it must refuse plainly rather than write something wrong.
                try
                {
                    Write(source, new RoundTripTarget(native, ExplicitSequenceLengths: false));
                    failures.Add($"{native.Name}: writing encapsulated pixel data in a native syntax did not throw");
                }
                catch (NotSupportedException)
                {
                }
            }

            yield return new RoundTripTarget(source.TransferSyntax, ExplicitSequenceLengths: false);
            yield return new RoundTripTarget(source.TransferSyntax, ExplicitSequenceLengths: true);
            yield break;
        }

        foreach (TransferSyntax native in TransferSyntax.NativeSyntaxes)
        {
            yield return new RoundTripTarget(native, ExplicitSequenceLengths: false);
        }

        yield return new RoundTripTarget(TransferSyntax.ExplicitVRLittleEndian, ExplicitSequenceLengths: true);
        yield return new RoundTripTarget(TransferSyntax.ImplicitVRLittleEndian, ExplicitSequenceLengths: true);
    }

    internal static byte[] Write(DicomFile source, RoundTripTarget target)
    {
        using var stream = new MemoryStream();
        source.Save(stream, new DicomWriteOptions { TransferSyntax = target.Syntax, ExplicitSequenceLengths = target.ExplicitSequenceLengths });
        return stream.ToArray();
    }

    internal readonly record struct RoundTripTarget(TransferSyntax Syntax, bool ExplicitSequenceLengths)
    {
        public override string ToString() => ExplicitSequenceLengths ? $"{Syntax.Name} (explicit sequence lengths)" : Syntax.Name;
    }
}
