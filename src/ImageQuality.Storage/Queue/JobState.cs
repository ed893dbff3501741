namespace ImageQuality.Storage.Queue;

/// <summary>Where a job is in its life; stored as the lower-case name.</summary>
public enum JobState
{
    /// <summary>Waiting for its time and a worker.</summary>
    Pending,

    /// <summary>Leased by a worker until its lease runs out.</summary>
    Running,

    /// <summary>Finished.</summary>
    Done,

    /// <summary>Gave up: a permanent error, or every attempt failed (the dead letter, with the last error).</summary>
    Dead,

    /// <summary>Failed while a newer request for the same kind and subject was already waiting: that one carries on.</summary>
    Superseded,
}
