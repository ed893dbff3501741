using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Analysis.ProstateMr.Tests.Corpus;

/// <summary>
/// The real ProstateX-0218 mpMRI study of the shared corpus (Siemens TrioTim 3 T): headers read once per test run,
/// without pixel data, as the service reads them.
/// </summary>
internal static class ProstateXStudy
{
    public const string Folder = "prostate_mri/ProstateX-0218_complete_mpMRI";

    private static readonly Lazy<IReadOnlyList<InstanceContext>> Headers = new(() =>
        [.. Files(Path.Combine(TestCorpus.Root!, Folder)).Select(InstanceContext.Load)]);

    /// <summary>Every image header of the study; skips the test where the corpus is absent.</summary>
    public static IReadOnlyList<InstanceContext> Instances()
    {
        string root = TestCorpus.RequireRoot();
        if (!Directory.Exists(Path.Combine(root, Folder)))
        {
            Assert.Ignore($"Corpus folder {Folder} is absent.");
        }

        return Headers.Value;
    }

    public static StudyContext Study() => Study(Instances());

    public static StudyContext Study(IEnumerable<InstanceContext> instances) =>
        new(instances.First().Dataset.GetString(ImageQuality.Dicom.DicomTag.StudyInstanceUID) ?? "", [.. instances]);

    /// <summary>The image files of a study folder, series folders and files in name order.</summary>
    public static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*.dcm", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
}
