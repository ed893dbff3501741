namespace ImageQuality.Storage.Queue;

/// <summary>A job a worker holds until <see cref="LeaseUntil"/>; completing or failing it needs the same owner.</summary>
public sealed record LeasedJob(long Id, string Kind, string Subject, int Attempt, int MaxAttempts, string LeaseOwner, DateTimeOffset LeaseUntil);
