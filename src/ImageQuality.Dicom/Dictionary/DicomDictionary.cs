using System.Collections.Frozen;
using System.Numerics;

namespace ImageQuality.Dicom.Dictionary;

/// <summary>
/// The data dictionary: public tags (including repeating groups such as 50xx and 60xx) and private tags,
/// which are known by their creator string, group and element byte (PS3.5 7.8.1).
/// The entries are generated from standard data by tools/DictionaryGenerator.
/// </summary>
public static class DicomDictionary
{
    private static readonly FrozenDictionary<uint, DicomDictionaryEntry> Exact;
    private static readonly DicomDictionaryEntry[] Repeating;
    private static readonly FrozenDictionary<PrivateKey, DicomDictionaryEntry> Private;
    private static readonly DicomDictionaryEntry[] PrivateRepeating;
    private static readonly FrozenDictionary<string, DicomDictionaryEntry> ByKeyword;

    static DicomDictionary()
    {
        var exact = new Dictionary<uint, DicomDictionaryEntry>();
        var repeating = new List<DicomDictionaryEntry>();
        var privateEntries = new Dictionary<PrivateKey, DicomDictionaryEntry>();
        var privateRepeating = new List<DicomDictionaryEntry>();
        var byKeyword = new Dictionary<string, DicomDictionaryEntry>(StringComparer.Ordinal);
        foreach (DicomDictionaryEntry e in DicomDictionaryData.Entries)
        {
            if (e.PrivateCreator is { } creator)
            {
                if (e.IsRepeating)
                {
                    privateRepeating.Add(e);
                }
                else
                {
                    privateEntries[new PrivateKey(creator, e.Tag.Value)] = e;
                }

                continue;
            }

            if (e.IsRepeating)
            {
                repeating.Add(e);
            }
            else
            {
                exact[e.Tag.Value] = e;
            }

            byKeyword.TryAdd(e.Keyword, e);
        }

        Exact = exact.ToFrozenDictionary();
        Repeating = BySpecificity(repeating);
        Private = privateEntries.ToFrozenDictionary();
        PrivateRepeating = BySpecificity(privateRepeating);
        ByKeyword = byKeyword.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The entry of a public tag, or of a repeating-group tag such as (6002,3000); null when unknown.</summary>
    public static DicomDictionaryEntry? Find(DicomTag tag)
    {
        if (Exact.TryGetValue(tag.Value, out DicomDictionaryEntry? e))
        {
            return e;
        }

        foreach (DicomDictionaryEntry r in Repeating)
        {
            if ((tag.Value & r.Mask) == r.Tag.Value)
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>
    /// The entry of a private data element (gggg,xxee) reserved by <paramref name="creator"/>; matched on the
    /// creator, the group and the element byte ee, whichever block xx the creator was given. A few entries are
    /// defined for one fixed element (gggg,xxee) only; they are matched first, as dcmtk does.
    /// Null for elements outside the blocks 10-FF (creators, group lengths), which belong to no creator.
    /// </summary>
    public static DicomDictionaryEntry? FindPrivate(string creator, DicomTag tag)
    {
        if (tag.Element < 0x1000)
        {
            return null;
        }

        string trimmed = creator.Trim();

        // Private dictionaries key on (gggg,00ee); the block byte varies from file to file.
        uint key = (tag.Value & 0xFFFF0000) | (tag.Value & 0xFF);
        return FindPrivate(trimmed, tag.Value) ?? FindPrivate(trimmed, key);
    }

    private static DicomDictionaryEntry? FindPrivate(string creator, uint tag)
    {
        if (Private.TryGetValue(new PrivateKey(creator, tag), out DicomDictionaryEntry? e))
        {
            return e;
        }

        foreach (DicomDictionaryEntry r in PrivateRepeating)
        {
            if ((tag & r.Mask) == r.Tag.Value && string.Equals(r.PrivateCreator, creator, StringComparison.Ordinal))
            {
                return r;
            }
        }

        return null;
    }

    public static DicomDictionaryEntry? FindByKeyword(string keyword) =>
        ByKeyword.TryGetValue(keyword, out DicomDictionaryEntry? e) ? e : null;

    /// <summary>Every entry, public and private.</summary>
    public static IReadOnlyList<DicomDictionaryEntry> Entries => DicomDictionaryData.Entries;

    /// <summary>
    /// Repeating entries may nest, e.g. the private group lengths (odd gggg,0000) within the generic group length
    /// (gggg,0000): the entry fixing more bits is the more specific one and must be tried first.
    /// </summary>
    private static DicomDictionaryEntry[] BySpecificity(List<DicomDictionaryEntry> entries) =>
        [.. entries.OrderByDescending(e => BitOperations.PopCount(e.Mask)).ThenBy(e => e.Tag.Value)];

    private readonly record struct PrivateKey(string Creator, uint Tag);
}
