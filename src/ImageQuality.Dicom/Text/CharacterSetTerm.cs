using System.Collections.Frozen;

namespace ImageQuality.Dicom.Text;

/// <summary>
/// A Defined Term of Specific Character Set (0008,0005) from PS3.3 tables C.12-2 to C.12-5: the graphic set it
/// designates, the code element it goes to, and the escape sequence that designates it under code extensions.
/// </summary>
internal sealed class CharacterSetTerm
{
    private static readonly byte[] DesignateIsoIr6 = [0x1B, (byte)'(', (byte)'B'];
    private static readonly byte[] DesignateIsoIr14 = [0x1B, (byte)'(', (byte)'J'];

    private CharacterSetTerm(string term, GraphicCharacterSet? set, CodeElement element, byte[] escapeSequence,
        byte[]? g0EscapeSequence = null, int standAloneCodePage = 0)
    {
        Term = term;
        Set = set;
        Element = element;
        EscapeSequence = escapeSequence;
        G0EscapeSequence = g0EscapeSequence ?? DesignateIsoIr6;
        StandAloneCodePage = standAloneCodePage;
    }

    public string Term { get; }

    /// <summary>The "ISO 2022" terms of tables C.12-3 and C.12-4, which allow escape sequences.</summary>
    public bool IsCodeExtension => Term.StartsWith("ISO 2022", StringComparison.Ordinal);

    /// <summary>The graphic set beyond ISO-IR 6; null for the default repertoire and the stand-alone encodings.</summary>
    public GraphicCharacterSet? Set { get; }

    public CodeElement Element { get; }

    /// <summary>The escape sequence that designates <see cref="Set"/> (or ISO-IR 6 for the default terms).</summary>
    public byte[] EscapeSequence { get; }

    /// <summary>
    /// The escape sequence that designates this term's G0 set, which returns G0 to its initial state when the
    /// term is value 1: ISO-IR 14 (JIS X 0201 romaji) for ISO-IR 13, ISO-IR 6 (ASCII) for all others.
    /// </summary>
    public byte[] G0EscapeSequence { get; }

    /// <summary>The code page of the encodings that forbid code extensions (table C.12-5), else 0.</summary>
    public int StandAloneCodePage { get; }

    public bool IsStandAlone => StandAloneCodePage != 0;

    /// <summary>Only the default repertoire: empty, ISO_IR 6 or ISO 2022 IR 6.</summary>
    public bool IsDefault => Set is null && !IsStandAlone;

    /// <summary>Every Defined Term (ISO_IR 6 included: not defined, but widely written for the default).</summary>
    public static IReadOnlyList<CharacterSetTerm> All { get; } = Build();

    private static readonly FrozenDictionary<string, CharacterSetTerm> ByTerm =
        All.ToFrozenDictionary(term => term.Term, StringComparer.Ordinal);

    public static bool TryGet(string term, out CharacterSetTerm value) => ByTerm.TryGetValue(term, out value!);

    private static CharacterSetTerm[] Build()
    {
        var terms = new List<CharacterSetTerm>
        {
            new(string.Empty, null, CodeElement.G0, DesignateIsoIr6),
            new("ISO_IR 6", null, CodeElement.G0, DesignateIsoIr6),
            new("ISO 2022 IR 6", null, CodeElement.G0, DesignateIsoIr6),
            new("ISO_IR 192", null, CodeElement.G0, [], standAloneCodePage: CodePages.Utf8),
            new("GB18030", null, CodeElement.G0, [], standAloneCodePage: CodePages.Gb18030),
            new("GBK", null, CodeElement.G0, [], standAloneCodePage: CodePages.Gbk),
            new("ISO 2022 IR 87", GraphicCharacterSets.IsoIr87, CodeElement.G0, Escape("$B")),
            new("ISO 2022 IR 159", GraphicCharacterSets.IsoIr159, CodeElement.G0, Escape("$(D")),
            new("ISO 2022 IR 149", GraphicCharacterSets.IsoIr149, CodeElement.G1, Escape("$)C")),
            new("ISO 2022 IR 58", GraphicCharacterSets.IsoIr58, CodeElement.G1, Escape("$)A")),
        };

        // Single-byte sets exist both without (ISO_IR) and with (ISO 2022 IR) code extensions.
        (string Number, GraphicCharacterSet Set, string Escape)[] singleByte =
        [
            ("100", GraphicCharacterSets.IsoIr100, "-A"),
            ("101", GraphicCharacterSets.IsoIr101, "-B"),
            ("109", GraphicCharacterSets.IsoIr109, "-C"),
            ("110", GraphicCharacterSets.IsoIr110, "-D"),
            ("144", GraphicCharacterSets.IsoIr144, "-L"),
            ("127", GraphicCharacterSets.IsoIr127, "-G"),
            ("126", GraphicCharacterSets.IsoIr126, "-F"),
            ("138", GraphicCharacterSets.IsoIr138, "-H"),
            ("148", GraphicCharacterSets.IsoIr148, "-M"),
            ("203", GraphicCharacterSets.IsoIr203, "-b"),
            ("166", GraphicCharacterSets.IsoIr166, "-T"),
            ("13", GraphicCharacterSets.IsoIr13, ")I"),
        ];
        foreach ((string number, GraphicCharacterSet set, string escape) in singleByte)
        {
            byte[] g0 = number == "13" ? DesignateIsoIr14 : DesignateIsoIr6;
            terms.Add(new("ISO_IR " + number, set, CodeElement.G1, Escape(escape), g0));
            terms.Add(new("ISO 2022 IR " + number, set, CodeElement.G1, Escape(escape), g0));
        }

        return [.. terms];
    }

    private static byte[] Escape(string intermediateAndFinal)
    {
        byte[] sequence = new byte[intermediateAndFinal.Length + 1];
        sequence[0] = 0x1B;
        for (int i = 0; i < intermediateAndFinal.Length; i++)
        {
            sequence[i + 1] = (byte)intermediateAndFinal[i];
        }

        return sequence;
    }

    public override string ToString() => Term.Length == 0 ? "(default)" : Term;
}
