namespace ImageQuality.Dicom.Network.Storage;

/// <summary>Policies of a <see cref="DicomFolderStore"/>. Plain settable properties so that configuration binding can fill them.</summary>
public sealed class DicomFolderStoreOptions
{
    public const long DefaultMinFreeBytes = 1L << 30;

    public const int DefaultEventChannelCapacity = 1024;

    /// <summary>Same SOP Instance UID again: keep the first copy (default) or replace it. Either way one copy stays and the log says which.</summary>
    public DuplicateInstancePolicy DuplicatePolicy { get; set; } = DuplicateInstancePolicy.KeepFirst;

    /// <summary>
    /// Free-space watermark of the store's file system. Below it a C-STORE is refused with 0xA700 (Out of
    /// Resources) as soon as its command arrives, before any of its data set is written. 0 turns the check off.
    /// </summary>
    public long MinFreeBytes { get; set; } = DefaultMinFreeBytes;

    /// <summary>
    /// Capacity of <see cref="DicomFolderStore.Received"/>. When it is full, storing the next instance waits (before
    /// its file is put in place) for a reader to take one, so no event is ever dropped; a consumer that stalls for
    /// longer than the listener's DIMSE timeout gets that association aborted, which the sender sees as a failed
    /// store to retry. 0 turns the events off (nothing is queued and storage never waits on them).
    /// </summary>
    public int EventChannelCapacity { get; set; } = DefaultEventChannelCapacity;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(DuplicatePolicy))
        {
            throw new ArgumentException($"{nameof(DuplicatePolicy)} must be {nameof(DuplicateInstancePolicy.KeepFirst)} or {nameof(DuplicateInstancePolicy.Overwrite)}");
        }

        if (MinFreeBytes < 0)
        {
            throw new ArgumentException($"{nameof(MinFreeBytes)} must be 0 or more");
        }

        if (EventChannelCapacity < 0)
        {
            throw new ArgumentException($"{nameof(EventChannelCapacity)} must be 0 or more");
        }
    }
}
