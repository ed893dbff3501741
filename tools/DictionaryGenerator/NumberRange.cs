namespace ImageQuality.DictionaryGenerator;

/// <summary>Which numbers of a range "gggg-gggg" a dictionary line means.</summary>
internal enum RangeParity
{
    All,
    Even,
    Odd,
}

/// <summary>A 16-bit group or element number, or a range of them, as written in dcmtk's dictionaries.</summary>
internal readonly record struct NumberRange(ushort Low, ushort High, RangeParity Parity)
{
    public bool IsSingle => Low == High;

    public static NumberRange Single(ushort value) => new(value, value, RangeParity.All);

    /// <summary>
    /// The (value, mask) pairs whose union is exactly this range: n is in the range when (n &amp; mask) == value
    /// for one of them. Most ranges of the standard need one pair; others are split into aligned blocks.
    /// </summary>
    public IReadOnlyList<(ushort Value, ushort Mask)> ToMasks()
    {
        if (Parity == RangeParity.All)
        {
            return AlignedBlocks(Low, High, 16);
        }

        // Fix bit 0 to the parity, then cover the remaining 15 bits of the numbers of that parity.
        int parityBit = Parity == RangeParity.Odd ? 1 : 0;
        int first = (Low & 1) == parityBit ? Low : Low + 1;
        int last = (High & 1) == parityBit ? High : High - 1;
        if (first > last)
        {
            return [];
        }

        var result = new List<(ushort, ushort)>();
        foreach ((ushort value, ushort mask) in AlignedBlocks((ushort)(first >> 1), (ushort)(last >> 1), 15))
        {
            result.Add(((ushort)((value << 1) | parityBit), (ushort)((mask << 1) | 1)));
        }

        return result;
    }

    /// <summary>Splits [low, high] into the fewest aligned power-of-two blocks of a <paramref name="bits"/>-bit space.</summary>
    private static List<(ushort Value, ushort Mask)> AlignedBlocks(ushort low, ushort high, int bits)
    {
        var blocks = new List<(ushort, ushort)>();
        int full = (1 << bits) - 1;
        int n = low;
        while (n <= high)
        {
            int size = 1;
            while ((n & ((size << 1) - 1)) == 0 && n + (size << 1) - 1 <= high && (size << 1) <= full + 1)
            {
                size <<= 1;
            }

            blocks.Add(((ushort)n, (ushort)(full & ~(size - 1))));
            n += size;
        }

        return blocks;
    }
}
