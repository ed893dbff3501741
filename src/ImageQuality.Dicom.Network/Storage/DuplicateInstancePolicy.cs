namespace ImageQuality.Dicom.Network.Storage;

/// <summary>What a <see cref="DicomFolderStore"/> does when an instance arrives whose SOP Instance UID it already holds.</summary>
public enum DuplicateInstancePolicy
{
    /// <summary>The stored copy stays; the new one is discarded (senders that retry after a lost response resend the same bytes).</summary>
    KeepFirst,

    /// <summary>The new copy replaces the stored one atomically (a corrected instance resent under the same UID).</summary>
    Overwrite,
}
