using ImageQuality.Analysis.ProstateMr.Headers;
using ImageQuality.Dicom;

namespace ImageQuality.Analysis.ProstateMr;

/// <summary>
/// Whether an image belongs to a prostate MR study: an MR image whose BodyPartExamined is PROSTATE, whose anatomic
/// region is coded as the prostate, or whose study, series, requested procedure or protocol text names the prostate.
/// PELVIS counts too (many sites code prostate exams so) unless the patient is female, where a pelvic MR is a
/// gynaecological exam.
/// </summary>
public static class ProstateStudyScope
{
    /// <summary>SNOMED CT 41216001 and SNOMED RT T-9200B: prostate.</summary>
    private static readonly string[] ProstateCodes = ["41216001", "T-9200B"];

    private static readonly DicomTag[] TextTags =
        [DicomTag.StudyDescription, DicomTag.SeriesDescription, DicomTag.RequestedProcedureDescription, DicomTag.ProtocolName];

    public static bool Includes(InstanceContext instance)
    {
        DicomDataset ds = instance.Dataset;
        if (HeaderValues.Text(ds, DicomTag.Modality) != "MR")
        {
            return false;
        }

        string bodyPart = HeaderValues.Text(ds, DicomTag.BodyPartExamined)?.ToUpperInvariant() ?? "";
        if (bodyPart == "PROSTATE")
        {
            return true;
        }

        if (ds.FindSequence(DicomTag.AnatomicRegionSequence)?.Items.Any(i => ProstateCodes.Contains(HeaderValues.Text(i, DicomTag.CodeValue))) == true)
        {
            return true;
        }

        if (TextTags.Any(t => HeaderValues.Text(ds, t)?.Contains("prostat", StringComparison.OrdinalIgnoreCase) == true))
        {
            return true;
        }

        return bodyPart == "PELVIS" && HeaderValues.Text(ds, DicomTag.PatientSex)?.ToUpperInvariant() != "F";
    }
}
