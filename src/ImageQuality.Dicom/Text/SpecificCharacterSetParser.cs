using System.Collections.Frozen;
using System.Text;

namespace ImageQuality.Dicom.Text;

/// <summary>
/// Interprets the values of Specific Character Set (0008,0005) by PS3.3 C.12.1.1.2, tolerating what files get
/// wrong: misspelt terms, ISO_IR terms used with code extensions, stand-alone encodings mixed with others, and
/// multi-byte sets as value 1. Every such repair is reported; nothing throws.
/// </summary>
internal static class SpecificCharacterSetParser
{
    /// <summary>Terms by their letters and digits alone, upper case, plus spellings seen in the wild.</summary>
    private static readonly FrozenDictionary<string, CharacterSetTerm> ByCanonicalSpelling = BuildCanonicalSpellings();

    public readonly record struct Result(CharacterSetTerm First, CharacterSetTerm[] Extensions, string? Problem);

    public static Result Parse(IReadOnlyList<string> values)
    {
        List<string>? problems = null;
        values = SplitUnsplitValues(values);
        if (values.Count == 0)
        {
            return new Result(Term(string.Empty), [], null);
        }

        CharacterSetTerm? resolved = Resolve(values[0], ref problems);
        CharacterSetTerm first = resolved ?? Term(string.Empty);
        if (resolved is null)
        {
            Report(ref problems, "value 1 read as the default repertoire (ISO-IR 6)");
        }

        if (first.IsStandAlone)
        {
            if (values.Count > 1)
            {
                Report(ref problems, $"'{first.Term}' allows no code extensions; ignored the other values");
            }

            return new Result(first, [], Join(problems));
        }

        var extensions = new List<CharacterSetTerm>();
        if (values.Count > 1 && !first.IsCodeExtension && first.Term.Length > 0)
        {
            first = WithCodeExtensions(first, ref problems);
        }

        if (first.Set is { IsDoubleByte: true })
        {
            Report(ref problems, $"'{first.Term}' is a multi-byte set, which PS3.3 C.12.1.1.2 does not allow as value 1");
            if (first.Element == CodeElement.G0)
            {
                // JIS X 0208/0212 must be escaped into G0, so the value starts in ASCII all the same.
                extensions.Add(first);
                first = Term(string.Empty);
            }
        }

        for (int i = 1; i < values.Count; i++)
        {
            CharacterSetTerm? term = Resolve(values[i], ref problems);
            if (term is null || term.IsDefault)
            {
                continue;
            }

            if (term.IsStandAlone)
            {
                Report(ref problems, $"'{term.Term}' cannot be a code extension; ignored");
                continue;
            }

            if (!term.IsCodeExtension)
            {
                term = WithCodeExtensions(term, ref problems);
            }

            if (term.Set != first.Set && !extensions.Exists(known => known.Set == term.Set))
            {
                extensions.Add(term);
            }
        }

        return new Result(first, [.. extensions], Join(problems));
    }

    /// <summary>
    /// Values are expected split already; one that still holds a backslash is split here, so that it reads (and
    /// caches, the cache key being the joined values) the same as the split list.
    /// </summary>
    private static IReadOnlyList<string> SplitUnsplitValues(IReadOnlyList<string> values)
    {
        bool unsplit = false;
        for (int i = 0; i < values.Count && !unsplit; i++)
        {
            unsplit = values[i]?.Contains('\\') == true;
        }

        if (!unsplit)
        {
            return values;
        }

        var split = new List<string>();
        foreach (string value in values)
        {
            split.AddRange((value ?? string.Empty).Split('\\'));
        }

        return split;
    }

    private static CharacterSetTerm? Resolve(string? value, ref List<string>? problems)
    {
        string trimmed = (value ?? string.Empty).Trim(' ', '\0');
        if (CharacterSetTerm.TryGet(trimmed, out CharacterSetTerm term))
        {
            return term;
        }

        if (ByCanonicalSpelling.TryGetValue(Canonical(trimmed), out term!))
        {
            Report(ref problems, $"'{trimmed}' is not a Defined Term; read as '{term}'");
            return term;
        }

        Report(ref problems, $"unknown Specific Character Set term '{trimmed}'");
        return null;
    }

    private static CharacterSetTerm WithCodeExtensions(CharacterSetTerm term, ref List<string>? problems)
    {
        string counterpart = term.Term.Replace("ISO_IR ", "ISO 2022 IR ", StringComparison.Ordinal);
        if (!CharacterSetTerm.TryGet(counterpart, out CharacterSetTerm extended))
        {
            return term;
        }

        Report(ref problems, $"'{term.Term}' used with code extensions; read as '{counterpart}'");
        return extended;
    }

    private static CharacterSetTerm Term(string term) =>
        CharacterSetTerm.TryGet(term, out CharacterSetTerm value) ? value : throw new InvalidOperationException(term);

    private static string Canonical(string term)
    {
        var canonical = new StringBuilder(term.Length);
        foreach (char c in term)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                canonical.Append(char.ToUpperInvariant(c));
            }
        }

        return canonical.ToString();
    }

    private static FrozenDictionary<string, CharacterSetTerm> BuildCanonicalSpellings()
    {
        var spellings = new Dictionary<string, CharacterSetTerm>(StringComparer.Ordinal);
        foreach (CharacterSetTerm term in CharacterSetTerm.All)
        {
            spellings.TryAdd(Canonical(term.Term), term);
        }

        spellings["UTF8"] = Term("ISO_IR 192");
        spellings["GB2312"] = Term("ISO 2022 IR 58");
        spellings["ISO202258"] = Term("ISO 2022 IR 58"); // CP 1234's typo
        spellings["ISO2022GBK"] = Term("GBK");
        spellings["ISO2022GB18030"] = Term("GB18030");
        return spellings.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void Report(ref List<string>? problems, string problem) => (problems ??= []).Add(problem);

    private static string? Join(List<string>? problems) => problems is null ? null : string.Join("; ", problems);
}
