namespace ImageQuality.Storage.Index;

/// <summary>What indexing one instance did.</summary>
public enum IndexOutcome
{
    /// <summary>A new instance: indexed, and its jobs queued.</summary>
    Added,

    /// <summary>The SOP Instance UID was already indexed and is kept as it was; no job queued.</summary>
    AlreadyIndexed,

    /// <summary>The SOP Instance UID was indexed and has been replaced (the file store overwrote it); jobs queued again.</summary>
    Replaced,
}
