using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace ImageQuality.Dicom.Text;

/// <summary>
/// The character repertoire of a dataset as Specific Character Set (0008,0005) declares it (PS3.3 C.12.1.1.2,
/// PS3.5 6.1), which turns the bytes of LO, LT, PN, SH, ST, UC and UT values (and of UN, which may be any of
/// them) into text and back. Other string VRs are always in the default repertoire. Instances are immutable,
/// thread-safe and shared; obtain them through <see cref="FromSpecificCharacterSet"/>.
/// </summary>
public sealed class DicomCharacterSet
{
    private readonly CharacterSetTerm _first;
    private readonly CharacterSetTerm[] _extensions;
    private readonly Encoding? _standAlone;
    private readonly GraphicCharacterSet? _initialG1;

    private DicomCharacterSet(CharacterSetTerm first, CharacterSetTerm[] extensions)
    {
        _first = first;
        _extensions = extensions;
        _standAlone = first.IsStandAlone ? CodePages.GetWithQuestionMarks(first.StandAloneCodePage) : null;
        _initialG1 = first.Element == CodeElement.G1 ? first.Set : null;
        var terms = new string[1 + extensions.Length];
        terms[0] = first.Term;
        for (int i = 0; i < extensions.Length; i++)
        {
            terms[i + 1] = extensions[i].Term;
        }

        IsDefault = first.IsDefault && extensions.Length == 0;
        Terms = IsDefault ? [] : terms;
    }

    /// <summary>
    /// ISO-IR 6 (ASCII), the repertoire when Specific Character Set is absent or empty. Reading maps bytes
    /// above 0x7F, which the repertoire lacks, to the Latin-1 characters of the same value: many systems write
    /// Latin-1 without declaring it, and this keeps every byte recoverable instead of turning it into U+FFFD.
    /// Escape sequences are still honoured, for files that use code extensions without declaring them.
    /// Writing stays strict (ASCII, '?' for anything else).
    /// </summary>
    public static DicomCharacterSet Default { get; } = new(Parse([]).First, []);

    /// <summary>
    /// The Defined Terms in effect, after repairs: value 1 first (empty for the default repertoire when code
    /// extensions follow), then the code extensions. Empty for <see cref="Default"/>.
    /// </summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>Only the default repertoire is declared.</summary>
    public bool IsDefault { get; }

    /// <summary>
    /// The character set of the values of (0008,0005), split at backslashes and trimmed; value 1 may be empty.
    /// Unknown or misused terms fall back to what can be read (the default repertoire for value 1, the known
    /// terms otherwise) and are described in <paramref name="problem"/>, null when the values are valid.
    /// Results are cached, so calling this for every dataset is cheap.
    /// </summary>
    public static DicomCharacterSet FromSpecificCharacterSet(IReadOnlyList<string> terms, out string? problem)
    {
        if (terms is null || terms.Count == 0)
        {
            problem = null;
            return Default;
        }

        return CharacterSetCache.Get(terms, out problem);
    }

    internal static (DicomCharacterSet CharacterSet, string? Problem) Create(IReadOnlyList<string> terms)
    {
        SpecificCharacterSetParser.Result result = Parse(terms);
        var characterSet = result.First.IsDefault && result.Extensions.Length == 0
            ? Default
            : new DicomCharacterSet(result.First, result.Extensions);
        return (characterSet, result.Problem);
    }

    private static SpecificCharacterSetParser.Result Parse(IReadOnlyList<string> terms) => SpecificCharacterSetParser.Parse(terms);

    /// <summary>
    /// Decodes a whole element value (all its values, with their backslashes, and for PN its '^' and '='
    /// delimiters). Padding is left to the caller. Bytes that cannot be decoded become U+FFFD; this never throws.
    /// Allocates nothing but the result.
    /// </summary>
    [SkipLocalsInit]
    public string Decode(ReadOnlySpan<byte> value, DicomVR vr)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        // The common case, ASCII, maps byte for byte in every repertoire DICOM allows; Latin-1 widens it vectorised.
        bool ascii = Ascii.IsValid(value);
        if (!IsDecodedWithCharacterSet(vr) || (ascii && (_standAlone is not null || !value.Contains(Iso2022EscapeSequence.Escape))))
        {
            return Encoding.Latin1.GetString(value);
        }

        if (_standAlone is not null)
        {
            return _standAlone.GetString(value);
        }

        bool escaped = value.Contains(Iso2022EscapeSequence.Escape);
        if (!escaped && (_initialG1 is null || _initialG1 == GraphicCharacterSets.IsoIr100))
        {
            return Encoding.Latin1.GetString(value);
        }

        if (!escaped && _initialG1 is { IsDoubleByte: false, HasLenientPairs: false })
        {
            return string.Create(value.Length, new SingleByteSource(value, _initialG1),
                static (chars, source) => source.Set.DecodeSingleByteCode(source.Bytes, chars));
        }

        char[]? rented = null;
        Span<char> buffer = value.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(value.Length));
        try
        {
            int written = Iso2022Decoder.Decode(value, buffer, _initialG1, new CodeExtensionResets(vr));
            return new string(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Encodes a whole element value for writing; see <see cref="Encode(string, DicomVR, out bool)"/>.</summary>
    public byte[] Encode(string value, DicomVR vr) => Encode(value, vr, out _);

    /// <summary>
    /// Encodes a whole element value for writing, with the escape sequences code extensions need; G0 returns to
    /// its initial set before each delimiter and at the end. Characters the repertoire lacks (for VRs outside
    /// the Specific Character Set, anything but ASCII) become '?' and set <paramref name="lossy"/>.
    /// </summary>
    public byte[] Encode(string value, DicomVR vr, out bool lossy)
    {
        ArgumentNullException.ThrowIfNull(value);
        lossy = false;
        if (value.Length == 0)
        {
            return [];
        }

        if (Ascii.IsValid(value) && !value.Contains((char)Iso2022EscapeSequence.Escape))
        {
            return Encoding.Latin1.GetBytes(value);
        }

        if (!IsDecodedWithCharacterSet(vr))
        {
            return Default.Encode(value, DicomVR.LO, out lossy);
        }

        if (_standAlone is null)
        {
            return Iso2022Encoder.Encode(value, _first, _extensions, new CodeExtensionResets(vr), out lossy);
        }

        // '?' is never part of a multi-byte code in UTF-8, GB18030 or GBK, so extra ones count the replacements.
        byte[] bytes = _standAlone.GetBytes(value);
        lossy = bytes.AsSpan().Count((byte)'?') != value.AsSpan().Count('?');
        return bytes;
    }

    /// <summary>
    /// The VRs of PS3.5 6.1.2.3 that Specific Character Set applies to, and UN: text of unknown VR is most
    /// likely one of them.
    /// </summary>
    private static bool IsDecodedWithCharacterSet(DicomVR vr) => vr.IsCharacterSetDependent || vr == DicomVR.UN;

    public override string ToString() => IsDefault ? "ISO_IR 6 (default)" : string.Join('\\', Terms);

    private readonly ref struct SingleByteSource(ReadOnlySpan<byte> bytes, GraphicCharacterSet set)
    {
        public ReadOnlySpan<byte> Bytes { get; } = bytes;

        public GraphicCharacterSet Set { get; } = set;
    }
}
