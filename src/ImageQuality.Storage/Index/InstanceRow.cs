namespace ImageQuality.Storage.Index;

/// <summary>The instances row joined with its series and study, as Dapper reads it (times in Unix milliseconds).</summary>
internal sealed class InstanceRow
{
    public string SopInstanceUid { get; set; } = "";

    public string SopClassUid { get; set; } = "";

    public string StudyInstanceUid { get; set; } = "";

    public string SeriesInstanceUid { get; set; } = "";

    public string? PatientId { get; set; }

    public string? PatientName { get; set; }

    public string? AccessionNumber { get; set; }

    public string? StudyDate { get; set; }

    public string? StudyTime { get; set; }

    public string? StudyDescription { get; set; }

    public string? Modality { get; set; }

    public long? SeriesNumber { get; set; }

    public string? SeriesDescription { get; set; }

    public long? InstanceNumber { get; set; }

    public string? BodyPartExamined { get; set; }

    public string? ViewPosition { get; set; }

    public string? ImageLaterality { get; set; }

    public string? PresentationIntentType { get; set; }

    public string? Operator { get; set; }

    public string? StationName { get; set; }

    public string? DeviceSerialNumber { get; set; }

    public string? Manufacturer { get; set; }

    public string? ManufacturerModelName { get; set; }

    public string? InstitutionName { get; set; }

    public string? ContentDate { get; set; }

    public string? ContentTime { get; set; }

    public string? CallingAeTitle { get; set; }

    public string? TransferSyntaxUid { get; set; }

    public string FilePath { get; set; } = "";

    public long FileSize { get; set; }

    public long ReceivedAt { get; set; }

    public InstanceRecord ToRecord() => new()
    {
        SopInstanceUid = SopInstanceUid,
        SopClassUid = SopClassUid,
        StudyInstanceUid = StudyInstanceUid,
        SeriesInstanceUid = SeriesInstanceUid,
        PatientId = PatientId,
        PatientName = PatientName,
        AccessionNumber = AccessionNumber,
        StudyDate = StudyDate,
        StudyTime = StudyTime,
        StudyDescription = StudyDescription,
        Modality = Modality,
        SeriesNumber = (int?)SeriesNumber,
        SeriesDescription = SeriesDescription,
        InstanceNumber = (int?)InstanceNumber,
        BodyPartExamined = BodyPartExamined,
        ViewPosition = ViewPosition,
        ImageLaterality = ImageLaterality,
        PresentationIntentType = PresentationIntentType,
        Operator = Operator,
        StationName = StationName,
        DeviceSerialNumber = DeviceSerialNumber,
        Manufacturer = Manufacturer,
        ManufacturerModelName = ManufacturerModelName,
        InstitutionName = InstitutionName,
        ContentDate = ContentDate,
        ContentTime = ContentTime,
        CallingAeTitle = CallingAeTitle,
        TransferSyntaxUid = TransferSyntaxUid,
        FilePath = FilePath,
        FileSize = FileSize,
        ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(ReceivedAt),
    };
}
