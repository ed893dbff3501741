namespace ImageQuality.Storage.Index;

/// <summary>The studies table as Dapper reads it (times in Unix milliseconds).</summary>
internal sealed class StudyRow
{
    public string StudyInstanceUid { get; set; } = "";

    public string? PatientId { get; set; }

    public string? PatientName { get; set; }

    public string? AccessionNumber { get; set; }

    public string? StudyDate { get; set; }

    public string? StudyDescription { get; set; }

    public string? Modalities { get; set; }

    public string? InstitutionName { get; set; }

    public long InstanceCount { get; set; }

    public long FirstReceivedAt { get; set; }

    public long LastReceivedAt { get; set; }

    public StudySummary ToSummary() => new(
        StudyInstanceUid,
        PatientId,
        PatientName,
        AccessionNumber,
        StudyDate,
        StudyDescription,
        Modalities is null ? [] : Modalities.Split(','),
        InstitutionName,
        (int)InstanceCount,
        DateTimeOffset.FromUnixTimeMilliseconds(FirstReceivedAt),
        DateTimeOffset.FromUnixTimeMilliseconds(LastReceivedAt));
}
