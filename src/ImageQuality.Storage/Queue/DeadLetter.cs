namespace ImageQuality.Storage.Queue;

/// <summary>A job that was given up, with the error that ended it.</summary>
public sealed record DeadLetter(long Id, string Kind, string Subject, int Attempts, string? LastError, DateTimeOffset? FailedAt);
