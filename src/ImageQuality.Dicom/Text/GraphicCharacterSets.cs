namespace ImageQuality.Dicom.Text;

/// <summary>
/// The graphic character sets of PS3.3 tables C.12-2 to C.12-4, by their ISO-IR registration, each with the
/// fixes that bring its .NET code page in line with the registration and the Unicode consortium's mapping.
/// </summary>
internal static class GraphicCharacterSets
{
    public static readonly GraphicCharacterSet IsoIr100 = GraphicCharacterSet.FromSingleByteCodePage("ISO-IR 100 (Latin-1)", 28591);
    public static readonly GraphicCharacterSet IsoIr101 = GraphicCharacterSet.FromSingleByteCodePage("ISO-IR 101 (Latin-2)", 28592);
    public static readonly GraphicCharacterSet IsoIr109 = GraphicCharacterSet.FromSingleByteCodePage("ISO-IR 109 (Latin-3)", 28593);
    public static readonly GraphicCharacterSet IsoIr110 = GraphicCharacterSet.FromSingleByteCodePage("ISO-IR 110 (Latin-4)", 28594);
    public static readonly GraphicCharacterSet IsoIr144 = GraphicCharacterSet.FromSingleByteCodePage("ISO-IR 144 (Cyrillic)", 28595);
    public static readonly GraphicCharacterSet IsoIr127 = GraphicCharacterSet.FromSingleByteCodePage("ISO-IR 127 (Arabic)", 28596);

    /// <summary>
    /// Code page 28597 keeps the 1987 quotation marks at 0xA1 and 0xA2 (U+02BD, U+02BC; now U+2018, U+2019)
    /// and lacks the 2003 additions €, ₯ and ͺ, which are read but not written: ISO-IR 126 predates them.
    /// </summary>
    public static readonly GraphicCharacterSet IsoIr126 = GraphicCharacterSet.FromSingleByteCodePage("ISO-IR 126 (Greek)", 28597,
        new CodeTableFixes(
            [(0xA1, '\u2018'), (0xA2, '\u2019'), (0xA4, '\u20AC'), (0xA5, '\u20AF'), (0xAA, '\u037A')],
            static code => code is 0xA4 or 0xA5 or 0xAA,
            [('\u02BD', 0xA1), ('\u02BC', 0xA2)]));

    /// <summary>
    /// Code page 28598 maps 0xAF to OVERLINE where ISO 8859-8 has MACRON, and lacks the 1999 direction marks
    /// LRM and RLM (0xFD, 0xFE), which are read but not written: ISO-IR 138 predates them.
    /// </summary>
    public static readonly GraphicCharacterSet IsoIr138 = GraphicCharacterSet.FromSingleByteCodePage("ISO-IR 138 (Hebrew)", 28598,
        new CodeTableFixes(
            [(0xAF, '\u00AF'), (0xFD, '\u200E'), (0xFE, '\u200F')],
            static code => code is 0xFD or 0xFE,
            [('\u203E', 0xAF)]));

    public static readonly GraphicCharacterSet IsoIr148 = GraphicCharacterSet.FromSingleByteCodePage("ISO-IR 148 (Latin-5)", 28599);
    public static readonly GraphicCharacterSet IsoIr203 = GraphicCharacterSet.FromSingleByteCodePage("ISO-IR 203 (Latin-9)", 28605);

    /// <summary>
    /// TIS 620-2533, taken from windows-874 without its marks at 0x80..0x9F. 0xA0 is not in TIS 620 but is
    /// NO-BREAK SPACE in ISO 8859-11, its 96-character form (the one ESC - T designates); it is read, not written.
    /// </summary>
    public static readonly GraphicCharacterSet IsoIr166 = GraphicCharacterSet.FromSingleByteCodePage("ISO-IR 166 (Thai)", CodePages.Windows874,
        new CodeTableFixes([], static code => code == 0xA0));

    public static readonly GraphicCharacterSet IsoIr13 = GraphicCharacterSet.JisX0201Katakana();

    /// <summary>
    /// JIS X 0208 from Microsoft's EUC-JP, which follows cp932: six symbols are corrected to JIS0208.TXT (as
    /// Python and iconv have them; cp932's forms are still written as them), and the NEC row 13 and IBM rows
    /// 89..92 that cp932 adds are read but not written.
    /// </summary>
    public static readonly GraphicCharacterSet IsoIr87 =
        GraphicCharacterSet.FromDoubleByteCodePage("ISO-IR 87 (JIS X 0208)", CodePages.EucJp, 0x8080, new CodeTableFixes(
            [(0x2141, '\u301C'), (0x2142, '\u2016'), (0x215D, '\u2212'), (0x2171, '\u00A2'), (0x2172, '\u00A3'), (0x224C, '\u00AC')],
            static code => (code >> 8) is 0x2D or >= 0x79,
            [('\uFF5E', 0x2141), ('\u2225', 0x2142), ('\uFF0D', 0x215D), ('\uFFE0', 0x2171), ('\uFFE1', 0x2172), ('\uFFE2', 0x224C)]));

    /// <summary>
    /// JIS X 0212 from code page 20932, which lacks TILDE (0x2237) and NUMERO SIGN (0x2271) and adds IBM
    /// extensions in rows 83..84, read but not written.
    /// </summary>
    public static readonly GraphicCharacterSet IsoIr159 =
        GraphicCharacterSet.FromDoubleByteCodePage("ISO-IR 159 (JIS X 0212)", CodePages.EucJpWithJisX0212, 0x8000, new CodeTableFixes(
            [(0x2237, '~'), (0x2271, '\u2116')],
            static code => (code >> 8) >= 0x73));

    /// <summary>
    /// KS X 1001 from Unified Hangul (cp949), whose GR half is KS X 1001; .NET's EUC-KR (51949) misreads 0x3453.
    /// Korean systems often write Unified Hangul syllables outside KS X 1001, which are read too.
    /// </summary>
    public static readonly GraphicCharacterSet IsoIr149 =
        GraphicCharacterSet.FromDoubleByteCodePage("ISO-IR 149 (KS X 1001)", CodePages.UnifiedHangul, 0x8080, CodeTableFixes.None,
            CodePages.UnifiedHangul,
            // The trail ranges of Unified Hangul exclude '\', '^' and '=', so the leniency cannot swallow a delimiter.
            static (first, second) => first is >= 0x81 and <= 0xFE && second is (>= 0x41 and <= 0x5A) or (>= 0x61 and <= 0x7A) or (>= 0x81 and <= 0xFE));

    /// <summary>
    /// GB 2312 from GBK (cp936), with GB18030's mapping of 0x2124 and 0x212A (U+00B7, U+2014; GB2312.TXT's
    /// U+30FB and U+2015 are written as them too). GBK's additions within the GB 2312 rows are read, not written.
    /// </summary>
    public static readonly GraphicCharacterSet IsoIr58 =
        GraphicCharacterSet.FromDoubleByteCodePage("ISO-IR 58 (GB 2312)", CodePages.Gbk, 0x8080, new CodeTableFixes(
            [],
            static code => (code >> 8) switch
            {
                0x22 => (code & 0xFF) < 0x31,
                0x26 => (code & 0xFF) >= 0x59,
                0x28 => (code & 0xFF) is (>= 0x3B and <= 0x44) or >= 0x6A,
                _ => false,
            },
            [('\u30FB', 0x2124), ('\u2015', 0x212A)]));
}
