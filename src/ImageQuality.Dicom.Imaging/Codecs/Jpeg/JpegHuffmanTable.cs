namespace ImageQuality.Dicom.Imaging.Codecs.Jpeg;

/// <summary>
/// One Huffman table of a DHT segment (T.81 B.2.4.2, C.2) made ready for decoding: codes of up to
/// <see cref="LookaheadBits"/> bits are found with one table look-up; longer ones with the canonical
/// max-code search of T.81 F.2.2.3.
/// </summary>
internal sealed class JpegHuffmanTable
{
    public const int LookaheadBits = 9;

    /// <summary>Bits indexing <see cref="DifferenceLookup"/>.</summary>
    public const int DifferenceLookupBits = 12;

    /// <summary>In <see cref="DifferenceLookup"/>: the entry holds the difference and all the bits it takes.</summary>
    public const int CompleteFlag = 0x80;

    /// <summary>In <see cref="DifferenceLookup"/>: the entry holds the code length and the category; the extra bits follow.</summary>
    public const int PartialFlag = 0x40;

    private readonly int[] _maxCode = new int[17];
    private readonly List<(int Code, int Length, int Symbol)> _codes = [];
    private int[]? _differences;
    private readonly int[] _valueOffset = new int[17];
    private readonly byte[] _values;

    private JpegHuffmanTable(byte[] values)
    {
        _values = values;
    }

    /// <summary>Indexed by the next <see cref="LookaheadBits"/> bits: (code length &lt;&lt; 8) | symbol, or 0 for longer codes.</summary>
    public ushort[] Lookahead { get; } = new ushort[1 << LookaheadBits];

    /// <summary>The largest symbol the table can produce, so that a scan can reject tables it cannot use.</summary>
    public int MaxSymbol { get; private set; }

    /// <summary>Builds the table from the 16 code-length counts and the symbols, or throws when they do not form a prefix code.</summary>
    public static JpegHuffmanTable Create(ReadOnlySpan<byte> counts, ReadOnlySpan<byte> symbols)
    {
        int total = 0;
        for (int l = 0; l < 16; l++)
        {
            total += counts[l];
        }

        if (total > 256 || total != symbols.Length)
        {
            throw new DicomPixelDataException($"A JPEG Huffman table declares {total} codes; at most 256 are allowed.");
        }

        var table = new JpegHuffmanTable(symbols.ToArray());
        int code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++)
        {
            int n = counts[length - 1];

            // The codes must fit in this length with one to spare: no code may consist of ones only (T.81 C.2).
            if (code + n >= 1 << length)
            {
                throw new DicomPixelDataException("A JPEG Huffman table has more codes of some length than fit in that many bits (corrupt DHT segment).");
            }

            table._valueOffset[length] = k - code;
            for (int i = 0; i < n; i++, k++, code++)
            {
                if (length <= LookaheadBits)
                {
                    int shift = LookaheadBits - length;
                    ushort entry = (ushort)((length << 8) | symbols[k]);
                    table.Lookahead.AsSpan(code << shift, 1 << shift).Fill(entry);
                }

                table.MaxSymbol = Math.Max(table.MaxSymbol, symbols[k]);
                table._codes.Add((code, length, symbols[k]));
            }

            table._maxCode[length] = n == 0 ? -1 : code - 1;
            code <<= 1;
        }

        return table;
    }

    /// <summary>
    /// For lossless scans (categories 0-16), indexed by the next <see cref="DifferenceLookupBits"/> bits:
    /// <c>((difference + 32768) &lt;&lt; 8) | CompleteFlag | bits used</c> when the code and its extra bits fit,
    /// <c>(category &lt;&lt; 8) | PartialFlag | code length</c> when only the code does, 0 for longer codes.
    /// Decoding most differences is then one look-up, with no branch on the sign.
    /// </summary>
    public int[] DifferenceLookup => _differences ??= BuildDifferenceLookup();

    /// <summary>Decodes a code longer than the look-ahead from the next 16 bits (most significant first).</summary>
    /// <returns>The symbol, with <paramref name="length"/> 0 when the bits are no code of this table.</returns>
    public int DecodeLong(int next16Bits, out int length)
    {
        for (int l = LookaheadBits + 1; l <= 16; l++)
        {
            int code = next16Bits >> (16 - l);
            if (code <= _maxCode[l])
            {
                length = l;
                return _values[code + _valueOffset[l]];
            }
        }

        length = 0;
        return 0;
    }

    private int[] BuildDifferenceLookup()
    {
        int[] table = new int[1 << DifferenceLookupBits];
        foreach ((int code, int length, int category) in _codes)
        {
            if (length > DifferenceLookupBits || category > 16)
            {
                continue;
            }

            int shift = DifferenceLookupBits - length;
            for (int rest = 0; rest < 1 << shift; rest++)
            {
                int entry;
                if (category is 0 or 16)
                {
                    entry = ((category == 16 ? 65536 : 32768) << 8) | CompleteFlag | length;
                }
                else if (length + category <= DifferenceLookupBits)
                {
                    int extra = (rest >> (shift - category)) & ((1 << category) - 1);
                    entry = ((JpegBitReader.Extend(extra, category) + 32768) << 8) | CompleteFlag | (length + category);
                }
                else
                {
                    entry = (category << 8) | PartialFlag | length;
                }

                table[(code << shift) | rest] = entry;
            }
        }

        return table;
    }
}
