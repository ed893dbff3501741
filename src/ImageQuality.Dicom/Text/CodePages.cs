using System.Collections.Concurrent;
using System.Text;

namespace ImageQuality.Dicom.Text;

/// <summary>
/// The legacy code pages behind the DICOM character sets. They ship in-box with .NET but must be registered
/// once before <see cref="Encoding.GetEncoding(int)"/> knows them.
/// </summary>
internal static class CodePages
{
    public const int Utf8 = 65001;
    public const int ShiftJis = 932;
    public const int Gbk = 936;
    public const int UnifiedHangul = 949;
    public const int Windows874 = 874;
    public const int Gb18030 = 54936;

    /// <summary>EUC-JP with JIS X 0208 as two bytes with the high bit set.</summary>
    public const int EucJp = 51932;

    /// <summary>
    /// Windows' EUC-JP variant, which alone among the in-box code pages carries JIS X 0212: a JIS X 0212 code
    /// (row, cell) is the pair (row | 0x80, cell), which .NET's 51932 cannot express (it lacks the 0x8F prefix).
    /// </summary>
    public const int EucJpWithJisX0212 = 20932;

    private static readonly Lazy<bool> Registered = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    private static readonly ConcurrentDictionary<int, Encoding> Replacing = new();
    private static readonly ConcurrentDictionary<int, Encoding> WithQuestionMarks = new();

    /// <summary>A code page that replaces what it cannot map with U+FFFD (decoding) or nothing (encoding).</summary>
    public static Encoding Get(int codePage) => Replacing.GetOrAdd(codePage, static page => Create(page, string.Empty));

    /// <summary>A code page that replaces what it cannot map with '?' when encoding and U+FFFD when decoding.</summary>
    public static Encoding GetWithQuestionMarks(int codePage) => WithQuestionMarks.GetOrAdd(codePage, static page => Create(page, "?"));

    /// <remarks>Encodings are stateless between calls, so one instance serves every thread.</remarks>
    private static Encoding Create(int codePage, string encoderReplacement)
    {
        _ = Registered.Value;
        return Encoding.GetEncoding(codePage, new EncoderReplacementFallback(encoderReplacement), new DecoderReplacementFallback("\uFFFD"));
    }
}
