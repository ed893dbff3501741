namespace ImageQuality.Storage.Index;

/// <summary>One study as the study list shows it.</summary>
public sealed record StudySummary(
    string StudyInstanceUid,
    string? PatientId,
    string? PatientName,
    string? AccessionNumber,
    string? StudyDate,
    string? StudyDescription,
    IReadOnlyList<string> Modalities,
    string? InstitutionName,
    int InstanceCount,
    DateTimeOffset FirstReceivedAt,
    DateTimeOffset LastReceivedAt);
