namespace ImageQuality.Storage.Index;

/// <summary>A page of the study list, optionally filtered.</summary>
public sealed record StudyQuery(int Page = 0, int PageSize = 50, string? Modality = null, string? PatientId = null, DateTimeOffset? ReceivedSince = null, string? StudyInstanceUid = null);
