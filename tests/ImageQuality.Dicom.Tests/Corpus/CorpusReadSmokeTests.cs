using ImageQuality.Dicom.IO;

namespace ImageQuality.Dicom.Tests.Corpus;

[Explicit("Development aid: prints how each corpus file reads.")]
public sealed class CorpusReadSmokeTests
{
    [Test]
    public void Print_every_file()
    {
        TestCorpus.RequireRoot();
        int ok = 0;
        foreach (string path in TestCorpus.AllFiles())
        {
            try
            {
                DicomFile f = DicomFile.Open(path);
                ok++;
                TestContext.Out.WriteLine($"OK   {TestCorpus.Relative(path)} {f.TransferSyntax.Uid} {f.Dataset.Count} {string.Join("; ", f.Warnings)}");
            }
            catch (DicomFormatException e)
            {
                TestContext.Out.WriteLine($"FAIL {TestCorpus.Relative(path)} {e.Message}");
            }
        }

        TestContext.Out.WriteLine($"{ok} read");
    }
}
