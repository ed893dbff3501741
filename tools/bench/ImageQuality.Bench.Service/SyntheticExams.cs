using System.Text;
using ImageQuality.Dicom;
using ImageQuality.Dicom.IO;

namespace ImageQuality.Bench.Service;

/// <summary>
/// Screening exams made from one real header (a GE mammogram's, pixel data left out): new UIDs per exam and image,
/// the four views. Enough for the index, the queue and the header analyzers, which never read pixels.
/// </summary>
internal static class SyntheticExams
{
    private static readonly (string View, string Laterality)[] Views = [("CC", "R"), ("CC", "L"), ("MLO", "R"), ("MLO", "L")];

    public static List<string[]> Write(string template, string folder, int exams, string runId)
    {
        var source = DicomFileReader.Read(template, new DicomReadOptions { StopBeforePixelData = true });
        Directory.CreateDirectory(folder);
        var result = new List<string[]>();
        for (var e = 0; e < exams; e++)
        {
            var study = $"2.25.{runId}.{e}";
            var files = new string[Views.Length];
            for (var v = 0; v < Views.Length; v++)
            {
                var ds = source.Dataset.Clone();
                Set(ds, DicomTag.StudyInstanceUID, DicomVR.UI, study);
                Set(ds, DicomTag.SeriesInstanceUID, DicomVR.UI, study + ".1");
                Set(ds, DicomTag.SOPInstanceUID, DicomVR.UI, $"{study}.1.{v + 1}");
                Set(ds, DicomTag.ViewPosition, DicomVR.CS, Views[v].View);
                Set(ds, DicomTag.ImageLaterality, DicomVR.CS, Views[v].Laterality);
                Set(ds, DicomTag.PresentationIntentType, DicomVR.CS, "FOR PRESENTATION");
                files[v] = Path.Combine(folder, $"{e:D5}-{v}.dcm");
                using var stream = File.Create(files[v]);
                DicomFileWriter.Write(stream, null, ds, TransferSyntax.ExplicitVRLittleEndian);
            }

            result.Add(files);
        }

        return result;
    }

    private static void Set(DicomDataset ds, DicomTag tag, DicomVR vr, string value)
    {
        ds.Remove(tag);
        var padded = value.Length % 2 == 0 ? value : value + (vr == DicomVR.UI ? "\0" : " ");
        ds.Add(new DicomElement(tag, vr, Encoding.ASCII.GetBytes(padded)));
    }
}
