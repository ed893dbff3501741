using ImageQuality.Storage.Index;

namespace ImageQuality.Storage.Tests.Support;

/// <summary>Index records for tests: a screening exam's four views and variations of them.</summary>
internal static class Records
{
    public static InstanceRecord Mammogram(string study, string view, string laterality, int number, DateTimeOffset receivedAt, string modality = "MG") => new()
    {
        SopInstanceUid = $"{study}.{number}",
        SopClassUid = "1.2.840.10008.5.1.4.1.1.1.2",
        StudyInstanceUid = study,
        SeriesInstanceUid = study + ".1",
        PatientId = "P-" + study[^4..],
        PatientName = "Doe^Jane",
        StudyDate = "20260302",
        Modality = modality,
        SeriesNumber = 1,
        InstanceNumber = number,
        BodyPartExamined = "BREAST",
        ViewPosition = view,
        ImageLaterality = laterality,
        PresentationIntentType = "FOR PRESENTATION",
        Operator = "Tech^Ann",
        StationName = "MAMMO1",
        DeviceSerialNumber = "SN-1",
        Manufacturer = "GE MEDICAL SYSTEMS",
        ManufacturerModelName = "Senographe Pristina",
        InstitutionName = "Site A",
        CallingAeTitle = "MAMMO1",
        TransferSyntaxUid = "1.2.840.10008.1.2.4.70",
        FilePath = $"{study}/{study}.1/{study}.{number}.dcm",
        FileSize = 30_000_000,
        ReceivedAt = receivedAt,
    };

    public static IEnumerable<InstanceRecord> ScreeningExam(string study, DateTimeOffset receivedAt) =>
    [
        Mammogram(study, "CC", "R", 1, receivedAt),
        Mammogram(study, "CC", "L", 2, receivedAt),
        Mammogram(study, "MLO", "R", 3, receivedAt),
        Mammogram(study, "MLO", "L", 4, receivedAt),
    ];
}
