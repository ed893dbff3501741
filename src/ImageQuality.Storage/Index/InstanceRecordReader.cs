using System.Globalization;
using ImageQuality.Dicom;
using ImageQuality.Dicom.Dictionary;

namespace ImageQuality.Storage.Index;

/// <summary>Takes an <see cref="InstanceRecord"/> out of a stored file's data set.</summary>
public sealed class InstanceRecordReader
{
    private readonly DicomTag _operatorTag;

    /// <param name="operatorAttribute">
    /// The keyword or "(gggg,eeee)" of the attribute that names the technologist. OperatorsName by default; some
    /// sites record the technologist elsewhere (e.g. PerformingPhysicianName) or in a private attribute.
    /// </param>
    public InstanceRecordReader(string operatorAttribute = "OperatorsName")
    {
        _operatorTag = ParseTag(operatorAttribute);
    }

    public InstanceRecord Read(DicomFile file, string path, long fileSize, DateTimeOffset receivedAt, string? callingAeTitle)
    {
        var ds = file.Dataset;
        var meta = file.FileMetaInformation;
        string Required(DicomTag tag, DicomTag? fallback = null)
        {
            var value = Text(ds, tag) ?? (fallback is { } f ? Text(meta, f) : null);
            return value ?? throw new InvalidDataException($"{path}: {DicomDictionary.Find(tag)?.Keyword ?? tag.ToString()} is missing, so the instance cannot be indexed");
        }

        return new InstanceRecord
        {
            SopInstanceUid = Required(DicomTag.SOPInstanceUID, DicomTag.MediaStorageSOPInstanceUID),
            SopClassUid = Required(DicomTag.SOPClassUID, DicomTag.MediaStorageSOPClassUID),
            StudyInstanceUid = Required(DicomTag.StudyInstanceUID),
            SeriesInstanceUid = Required(DicomTag.SeriesInstanceUID),
            PatientId = Text(ds, DicomTag.PatientID),
            PatientName = Text(ds, DicomTag.PatientName),
            AccessionNumber = Text(ds, DicomTag.AccessionNumber),
            StudyDate = Text(ds, DicomTag.StudyDate),
            StudyTime = Text(ds, DicomTag.StudyTime),
            StudyDescription = Text(ds, DicomTag.StudyDescription),
            Modality = Text(ds, DicomTag.Modality),
            SeriesNumber = Integer(ds, DicomTag.SeriesNumber),
            SeriesDescription = Text(ds, DicomTag.SeriesDescription),
            InstanceNumber = Integer(ds, DicomTag.InstanceNumber),
            BodyPartExamined = Text(ds, DicomTag.BodyPartExamined),
            ViewPosition = Text(ds, DicomTag.ViewPosition),
            ImageLaterality = Text(ds, DicomTag.ImageLaterality) ?? Text(ds, DicomTag.Laterality),
            PresentationIntentType = Text(ds, DicomTag.PresentationIntentType),
            Operator = Text(ds, _operatorTag),
            StationName = Text(ds, DicomTag.StationName),
            DeviceSerialNumber = Text(ds, DicomTag.DeviceSerialNumber),
            Manufacturer = Text(ds, DicomTag.Manufacturer),
            ManufacturerModelName = Text(ds, DicomTag.ManufacturerModelName),
            InstitutionName = Text(ds, DicomTag.InstitutionName),
            ContentDate = Text(ds, DicomTag.ContentDate),
            ContentTime = Text(ds, DicomTag.ContentTime),
            CallingAeTitle = callingAeTitle,
            TransferSyntaxUid = file.TransferSyntax.Uid,
            FilePath = path,
            FileSize = fileSize,
            ReceivedAt = receivedAt,
        };
    }

    private static string? Text(DicomDataset dataset, DicomTag tag)
    {
        if (!dataset.Contains(tag))
        {
            return null;
        }

        // All values (a multi-valued OperatorsName names every technologist), trimmed of DICOM padding.
        var values = dataset.GetStrings(tag);
        var text = string.Join('\\', values).Trim().TrimEnd('\0');
        return text.Length == 0 ? null : text;
    }

    private static int? Integer(DicomDataset dataset, DicomTag tag) =>
        int.TryParse(Text(dataset, tag), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static DicomTag ParseTag(string attribute)
    {
        if (DicomTag.TryParse(attribute, out var tag))
        {
            return tag;
        }

        return DicomDictionary.FindByKeyword(attribute)?.Tag
            ?? throw new ArgumentException($"'{attribute}' is neither a DICOM keyword nor a tag like (0008,1070)", nameof(attribute));
    }
}
