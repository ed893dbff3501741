namespace ImageQuality.Storage.Index;

/// <summary>
/// What the index keeps of one received instance: its identity, where it sits in the hierarchy, who acquired it on
/// which unit, and where the file is. Attributes absent from the data set are null.
/// </summary>
public sealed record InstanceRecord
{
    public required string SopInstanceUid { get; init; }

    public required string SopClassUid { get; init; }

    public required string StudyInstanceUid { get; init; }

    public required string SeriesInstanceUid { get; init; }

    public string? PatientId { get; init; }

    public string? PatientName { get; init; }

    public string? AccessionNumber { get; init; }

    public string? StudyDate { get; init; }

    public string? StudyTime { get; init; }

    public string? StudyDescription { get; init; }

    public string? Modality { get; init; }

    public int? SeriesNumber { get; init; }

    public string? SeriesDescription { get; init; }

    public int? InstanceNumber { get; init; }

    public string? BodyPartExamined { get; init; }

    public string? ViewPosition { get; init; }

    public string? ImageLaterality { get; init; }

    /// <summary>FOR PRESENTATION or FOR PROCESSING (mammography).</summary>
    public string? PresentationIntentType { get; init; }

    /// <summary>The technologist: OperatorsName unless the service is configured to take another attribute.</summary>
    public string? Operator { get; init; }

    public string? StationName { get; init; }

    public string? DeviceSerialNumber { get; init; }

    public string? Manufacturer { get; init; }

    public string? ManufacturerModelName { get; init; }

    public string? InstitutionName { get; init; }

    public string? ContentDate { get; init; }

    public string? ContentTime { get; init; }

    /// <summary>The AE that sent it over the network; null for folder imports.</summary>
    public string? CallingAeTitle { get; init; }

    public string? TransferSyntaxUid { get; init; }

    public required string FilePath { get; init; }

    public required long FileSize { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }
}
