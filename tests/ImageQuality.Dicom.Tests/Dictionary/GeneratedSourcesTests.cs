using ImageQuality.DictionaryGenerator;

namespace ImageQuality.Dicom.Tests.Dictionary;

/// <summary>The committed generated sources are what the generator makes of the installed standard data today.</summary>
public sealed class GeneratedSourcesTests
{
    [Test]
    public void Dictionary_and_tag_constants_are_up_to_date()
    {
        string? dcmtk = SourceLocator.FindDcmtkDirectory();
        if (dcmtk is null)
        {
            Assert.Ignore("dcmtk's dicom.dic is not installed (/usr/share/libdcmtk*/); cannot regenerate to compare.");
        }

        var report = new GenerationReport();
        IReadOnlyList<GeneratedFile> files = DictionaryGeneration.GenerateDictionary(
            File.ReadAllText(Path.Combine(dcmtk, "dicom.dic")), File.ReadAllText(Path.Combine(dcmtk, "private.dic")), report);
        report.Problems.Should().BeEmpty();
        report.Clashes.Should().Be(0);
        ShouldMatchCommitted(files);
    }

    [Test]
    public void Uids_are_up_to_date()
    {
        if (!File.Exists(SourceLocator.DefaultPydicomUids))
        {
            Assert.Ignore($"pydicom's {SourceLocator.DefaultPydicomUids} is not installed; cannot regenerate to compare.");
        }

        var report = new GenerationReport();
        IReadOnlyList<GeneratedFile> files = DictionaryGeneration.GenerateUids(
            File.ReadAllText(SourceLocator.DefaultPydicomUids),
            SourceLocator.ReadPydicomVersionFile(SourceLocator.DefaultPydicomUids),
            report);
        report.Problems.Should().BeEmpty();
        ShouldMatchCommitted(files);
    }

    private static void ShouldMatchCommitted(IReadOnlyList<GeneratedFile> files)
    {
        files.Should().NotBeEmpty();
        string toolkit = Path.Combine(RepositoryRoot(), "src", "ImageQuality.Dicom");
        foreach (GeneratedFile file in files)
        {
            string[] committed = File.ReadAllText(Path.Combine(toolkit, file.RelativePath)).Split('\n');
            string[] fresh = file.Content.Split('\n');

            // Name the first line that differs rather than dumping two files of a megabyte.
            int line = 0;
            while (line < committed.Length && line < fresh.Length && committed[line] == fresh[line])
            {
                line++;
            }

            if (line < committed.Length || line < fresh.Length)
            {
                Assert.Fail(
                    $"{file.RelativePath} differs from a fresh generation at line {line + 1}:\n"
                    + $"  committed: {(line < committed.Length ? committed[line] : "(end of file)")}\n"
                    + $"  generated: {(line < fresh.Length ? fresh[line] : "(end of file)")}\n"
                    + "Regenerate: dotnet run --project tools/DictionaryGenerator -- --out src/ImageQuality.Dicom");
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ImageQuality.sln")))
            {
                return dir.FullName;
            }
        }

        Assert.Ignore("The repository root (the folder of ImageQuality.sln) is not above the test assembly.");
        return "";
    }
}
