using System.Collections.Frozen;

namespace ImageQuality.Dicom;

/// <summary>
/// The UIDs of the standard: a constant per keyword (DicomUids.ExplicitVRLittleEndian, ...) and a lookup table.
/// The constants and the table are generated from standard data by tools/DictionaryGenerator.
/// </summary>
public static partial class DicomUids
{
    private static readonly FrozenDictionary<string, DicomUidInfo>.AlternateLookup<ReadOnlySpan<char>> ByUid;

    // A static constructor, not field initializers: the order of initializers across the files of a partial
    // class is unspecified, and Table lives in the generated file.
    static DicomUids()
    {
        ByUid = Table.ToFrozenDictionary(u => u.Uid, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Every UID of the table, ordered by UID component.</summary>
    public static IReadOnlyList<DicomUidInfo> All => Table;

    /// <summary>
    /// The standard UID, or null when it is not one. Trailing NUL and space padding, as read from a UI element,
    /// is ignored.
    /// </summary>
    public static DicomUidInfo? Find(string uid) => Find(uid.AsSpan());

    /// <inheritdoc cref="Find(string)"/>
    public static DicomUidInfo? Find(ReadOnlySpan<char> uid) =>
        ByUid.TryGetValue(uid.TrimEnd("\0 "), out DicomUidInfo? info) ? info : null;

    /// <summary>
    /// Whether the UID is a Storage SOP Class, whose instances are the objects one stores and reads (images,
    /// SR documents, waveforms ...). The rule: a SOP Class whose name contains the word "Storage", except the
    /// Storage Commitment SOP Classes, which negotiate a service rather than describe stored objects. Retired
    /// storage classes count too, as old files still carry them.
    /// </summary>
    public static bool IsStorageSopClass(string uid) =>
        Find(uid) is { Type: DicomUidType.SopClass } info && IsStorageName(info.Name);

    private static bool IsStorageName(string name) =>
        name.Contains("Storage", StringComparison.Ordinal)
        && !name.Contains("Storage Commitment", StringComparison.Ordinal);
}
