using System.Collections.Concurrent;

namespace ImageQuality.Dicom.Text;

/// <summary>
/// Character sets by their Specific Character Set values, so that each dataset's lookup costs no allocation.
/// The key is the values joined by backslashes, as they appear in the element. Bounded, because the values come
/// from files: past the limit new lists are interpreted afresh each time instead of being kept.
/// </summary>
internal static class CharacterSetCache
{
    private const int MaxEntries = 256;
    private const int MaxStackKeyLength = 512;

    private static readonly ConcurrentDictionary<string, (DicomCharacterSet CharacterSet, string? Problem)> Entries =
        new(StringComparer.Ordinal);

    public static DicomCharacterSet Get(IReadOnlyList<string> terms, out string? problem)
    {
        int length = terms.Count - 1;
        for (int i = 0; i < terms.Count; i++)
        {
            length += terms[i]?.Length ?? 0;
        }

        (DicomCharacterSet CharacterSet, string? Problem) entry;
        if (length > MaxStackKeyLength)
        {
            entry = DicomCharacterSet.Create(terms);
            problem = entry.Problem;
            return entry.CharacterSet;
        }

        Span<char> key = stackalloc char[length];
        int written = 0;
        for (int i = 0; i < terms.Count; i++)
        {
            if (i > 0)
            {
                key[written++] = '\\';
            }

            string term = terms[i] ?? string.Empty;
            term.CopyTo(key[written..]);
            written += term.Length;
        }

        var lookup = Entries.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(key, out entry))
        {
            entry = DicomCharacterSet.Create(terms);

            // A thread that lost the race to add takes the winner's instance, so that equal lists share one.
            if (Entries.Count < MaxEntries && !lookup.TryAdd(key, entry))
            {
                lookup.TryGetValue(key, out entry);
            }
        }

        problem = entry.Problem;
        return entry.CharacterSet;
    }
}
