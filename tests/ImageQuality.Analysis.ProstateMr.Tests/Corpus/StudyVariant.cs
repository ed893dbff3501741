using ImageQuality.Dicom;

namespace ImageQuality.Analysis.ProstateMr.Tests.Corpus;

/// <summary>Variants of real studies for the tests: edited in memory, or written to files by the toolkit's writer and read back.</summary>
internal static class StudyVariant
{
    public static int? SeriesNumber(InstanceContext i) => i.Dataset.TryGetInt32(DicomTag.SeriesNumber, out int n) ? n : null;

    /// <summary>A header-only copy of an instance with its data set edited in memory.</summary>
    public static InstanceContext Edit(InstanceContext source, Action<DicomDataset> edit)
    {
        DicomDataset copy = source.Dataset.Clone();
        edit(copy);
        return new InstanceContext(new DicomFile(source.Header.FileMetaInformation, copy, source.Header.TransferSyntax), source.FilePath);
    }

    /// <summary>
    /// The study with the images of series <paramref name="seriesNumber"/> edited: each whole file (pixel data
    /// included) is read, edited, written to <paramref name="folder"/> by the toolkit's writer and its header read
    /// back from there, as the service would read a received file.
    /// </summary>
    public static List<InstanceContext> WriteEdited(IReadOnlyList<InstanceContext> study, int seriesNumber, string folder, Action<DicomDataset> edit)
    {
        Directory.CreateDirectory(folder);
        var result = new List<InstanceContext>(study.Count);
        foreach (InstanceContext i in study)
        {
            if (SeriesNumber(i) != seriesNumber)
            {
                result.Add(i);
                continue;
            }

            DicomFile file = i.ReadWithPixelData();
            edit(file.Dataset);
            string path = Path.Combine(folder, $"{i.SopInstanceUid}.dcm");
            file.Save(path);
            result.Add(InstanceContext.Load(path));
        }

        return result;
    }

    /// <summary>A temporary folder the caller deletes.</summary>
    public static string TempFolder() => Path.Combine(Path.GetTempPath(), "iq-prostate-" + Guid.NewGuid().ToString("N"));
}
