namespace ImageQuality.Storage.Queue;

/// <summary>How the queue stands: counts per state and the age of the oldest job that is due but not taken.</summary>
public sealed record QueueStatistics(long Pending, long Due, long Running, long Done, long Dead, TimeSpan? OldestDueAge);
