using System.Collections.Frozen;
using System.Text;

namespace ImageQuality.Dicom.Text;

/// <summary>
/// One graphic character set of ISO/IEC 2022 that Specific Character Set can designate: either the upper half
/// of a single-byte code (96 or 94 characters at 0xA0..0xFF) or a 94×94 double-byte set. The characters are
/// tabulated once from the matching .NET code page so that decoding is an array lookup with no allocation.
/// </summary>
internal sealed class GraphicCharacterSet
{
    public const char Undefined = '\uFFFD';

    private const int DoubleByteSize = 94;
    private readonly Func<char[]> _buildTable;
    private readonly CodeTableFixes _fixes;
    private readonly int _lenientCodePage;
    private readonly Func<byte, byte, bool>? _isLenientPair;
    private char[]? _table;
    private FrozenDictionary<char, ushort>? _codes;

    private GraphicCharacterSet(string name, bool isDoubleByte, Func<char[]> buildTable, CodeTableFixes fixes,
        int lenientCodePage = 0, Func<byte, byte, bool>? isLenientPair = null)
    {
        Name = name;
        IsDoubleByte = isDoubleByte;
        _fixes = fixes;
        _buildTable = () => ApplyCorrections(buildTable(), fixes, isDoubleByte);
        _lenientCodePage = lenientCodePage;
        _isLenientPair = isLenientPair;
    }

    public string Name { get; }

    /// <summary>Characters take two bytes, each 0x21..0x7E in G0 or 0xA1..0xFE in G1.</summary>
    public bool IsDoubleByte { get; }

    /// <summary>
    /// Whether two-byte codes outside the set are also read, for data written by systems that use the set's
    /// common superset (Shift-JIS for JIS X 0201, Unified Hangul for KS X 1001).
    /// </summary>
    public bool HasLenientPairs => _isLenientPair is not null;

    private char[] Table => LazyInitializer.EnsureInitialized(ref _table, _buildTable);

    /// <summary>A byte 0x80..0xFF of a single-byte set. C1 controls (0x80..0x9F) read as themselves.</summary>
    public char DecodeHigh(byte value) => Table[value - 0x80];

    /// <summary>Decodes bytes of a single-byte code whose G0 is ASCII, one char per byte.</summary>
    public void DecodeSingleByteCode(ReadOnlySpan<byte> source, Span<char> destination)
    {
        char[] table = Table;
        for (int i = 0; i < source.Length; i++)
        {
            byte value = source[i];
            destination[i] = value < 0x80 ? (char)value : table[value - 0x80];
        }
    }

    /// <summary>A double-byte code given as two bytes in either half; the high bits are ignored.</summary>
    public char DecodePair(byte first, byte second)
    {
        int row = (first & 0x7F) - 0x21;
        int cell = (second & 0x7F) - 0x21;
        return (uint)row < DoubleByteSize && (uint)cell < DoubleByteSize ? Table[(row * DoubleByteSize) + cell] : Undefined;
    }

    /// <summary>Reads a pair of the lenient superset; false where the pair is not one of its characters.</summary>
    public bool TryDecodeLenientPair(byte first, byte second, out char value)
    {
        value = Undefined;
        if (_isLenientPair is null || !_isLenientPair(first, second))
        {
            return false;
        }

        ReadOnlySpan<byte> pair = [first, second];
        Span<char> chars = stackalloc char[2];
        int count = CodePages.Get(_lenientCodePage).GetChars(pair, chars);
        if (count != 1 || !IsMapped(chars[0]))
        {
            return false;
        }

        value = chars[0];
        return true;
    }

    /// <summary>
    /// The code of a character: the byte 0xA0..0xFF for single-byte sets, or row &lt;&lt; 8 | cell with both in
    /// 0x21..0x7E for double-byte sets.
    /// </summary>
    public bool TryEncode(char value, out ushort code) =>
        LazyInitializer.EnsureInitialized(ref _codes, BuildCodes).TryGetValue(value, out code);

    /// <summary>
    /// The code of a character that the set does not have but writes as one of its own (another mapping of the
    /// same symbol). Only worth trying once no set has the character itself, since it reads back differently.
    /// </summary>
    public bool TryEncodeAlias(char value, out ushort code)
    {
        foreach ((char alias, ushort aliasCode) in _fixes.WriteAliases ?? [])
        {
            if (alias == value)
            {
                code = aliasCode;
                return true;
            }
        }

        code = 0;
        return false;
    }

    /// <summary>Every character that is written in this set, in code order.</summary>
    internal IEnumerable<char> Repertoire
    {
        get
        {
            char[] table = Table;
            for (int i = IsDoubleByte ? 0 : 0x20; i < table.Length; i++)
            {
                if (table[i] != Undefined && !IsReadOnly(CodeAt(i)))
                {
                    yield return table[i];
                }
            }
        }
    }

    /// <summary>
    /// The upper half of an ISO 8859 style code page (TIS-620 is the upper half of windows-874), with
    /// <paramref name="fixes"/> where the code page differs from the registered set.
    /// </summary>
    public static GraphicCharacterSet FromSingleByteCodePage(string name, int codePage, CodeTableFixes? fixes = null) =>
        new(name, isDoubleByte: false, () =>
        {
            Encoding encoding = CodePages.Get(codePage);
            char[] table = new char[128];
            Span<char> chars = stackalloc char[2];
            for (int i = 0; i < table.Length; i++)
            {
                byte value = (byte)(0x80 + i);

                // windows-874 puts typographic marks at 0x80..0x9F that TIS-620 does not have; keep them C1.
                if (value < 0xA0)
                {
                    table[i] = (char)value;
                    continue;
                }

                int count = encoding.GetChars([value], chars);
                table[i] = count == 1 && IsMapped(chars[0]) ? chars[0] : Undefined;
            }

            return table;
        }, fixes ?? CodeTableFixes.None);

    /// <summary>
    /// JIS X 0201 katakana (ISO-IR 13) at 0xA1..0xDF. Bytes that cannot be katakana but lead a Shift-JIS pair are
    /// read as Shift-JIS: Japanese systems often write Shift-JIS kanji under ISO_IR 13.
    /// </summary>
    public static GraphicCharacterSet JisX0201Katakana() =>
        new("JIS X 0201 katakana", isDoubleByte: false, () =>
        {
            char[] table = new char[128];
            for (int i = 0; i < table.Length; i++)
            {
                int value = 0x80 + i;
                table[i] = value switch
                {
                    < 0xA0 => (char)value,
                    >= 0xA1 and <= 0xDF => (char)(0xFF61 + value - 0xA1),
                    _ => Undefined,
                };
            }

            return table;
        }, CodeTableFixes.None, CodePages.ShiftJis, static (first, second) =>
            first is (>= 0x81 and <= 0x9F) or (>= 0xE0 and <= 0xFC) && second is (>= 0x40 and <= 0x7E) or (>= 0x80 and <= 0xFC));

    /// <summary>
    /// A 94×94 set read through a code page; <paramref name="highBits"/> are OR-ed into (row, cell) to form the
    /// code page's bytes (0x8080 for EUC forms, 0x8000 for Windows' JIS X 0212 of code page 20932).
    /// </summary>
    public static GraphicCharacterSet FromDoubleByteCodePage(string name, int codePage, int highBits, CodeTableFixes fixes,
        int lenientCodePage = 0, Func<byte, byte, bool>? isLenientPair = null) =>
        new(name, isDoubleByte: true, () =>
        {
            Encoding encoding = CodePages.Get(codePage);
            char[] table = new char[DoubleByteSize * DoubleByteSize];
            Span<byte> pair = stackalloc byte[2];
            Span<char> chars = stackalloc char[4];
            for (int row = 0; row < DoubleByteSize; row++)
            {
                for (int cell = 0; cell < DoubleByteSize; cell++)
                {
                    pair[0] = (byte)((0x21 + row) | (highBits >> 8));
                    pair[1] = (byte)((0x21 + cell) | (highBits & 0xFF));
                    int count = encoding.GetChars(pair, chars);
                    table[(row * DoubleByteSize) + cell] = count == 1 && IsMapped(chars[0]) ? chars[0] : Undefined;
                }
            }

            return table;
        }, fixes, lenientCodePage, isLenientPair);

    private FrozenDictionary<char, ushort> BuildCodes()
    {
        char[] table = Table;
        var codes = new Dictionary<char, ushort>();
        for (int i = IsDoubleByte ? 0 : 0x20; i < table.Length; i++)
        {
            ushort code = CodeAt(i);
            if (table[i] != Undefined && !IsReadOnly(code))
            {
                codes.TryAdd(table[i], code);
            }
        }

        return codes.ToFrozenDictionary();
    }

    /// <summary>A code that is read but never written, being outside the registered set.</summary>
    internal bool IsReadOnly(ushort code) => _fixes.IsReadOnly?.Invoke(code) == true;

    /// <summary>The code of a table index: the byte for single-byte sets, row &lt;&lt; 8 | cell for double-byte ones.</summary>
    private ushort CodeAt(int index) => IsDoubleByte
        ? (ushort)(((0x21 + (index / DoubleByteSize)) << 8) | (0x21 + (index % DoubleByteSize)))
        : (ushort)(0x80 + index);

    private static char[] ApplyCorrections(char[] table, CodeTableFixes fixes, bool isDoubleByte)
    {
        foreach ((ushort code, char value) in fixes.Corrections)
        {
            int index = isDoubleByte ? ((((code >> 8) - 0x21) * DoubleByteSize) + (code & 0xFF) - 0x21) : code - 0x80;
            table[index] = value;
        }

        return table;
    }

    /// <summary>The code pages map unassigned codes to U+FFFD or to private-use characters; neither is text.</summary>
    private static bool IsMapped(char value) => value != Undefined && value is < '\uE000' or > '\uF8FF';
}
