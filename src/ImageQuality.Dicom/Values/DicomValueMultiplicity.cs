using System.Globalization;

namespace ImageQuality.Dicom.Values;

/// <summary>
/// A value multiplicity as written in PS3.6: "1", "3", "1-32", "1-n", "2-n", "2-2n", "3-3n".
/// A count is allowed when it lies in [<see cref="Minimum"/>, <see cref="Maximum"/>] and is a multiple of
/// <see cref="Step"/> ("2-2n" is 2, 4, 6, …).
/// </summary>
public readonly record struct DicomValueMultiplicity
{
    private DicomValueMultiplicity(int minimum, int? maximum, int step)
    {
        Minimum = minimum;
        Maximum = maximum;
        Step = step;
    }

    public static DicomValueMultiplicity One { get; } = new(1, 1, 1);

    public int Minimum { get; }

    /// <summary>The largest allowed count, or null for "n".</summary>
    public int? Maximum { get; }

    public int Step { get; }

    /// <summary>
    /// Parses the PS3.6 notation. The few retired entries written as alternatives ("1-n or 1") are not
    /// understood and give false.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> s, out DicomValueMultiplicity multiplicity)
    {
        multiplicity = default;
        s = s.Trim(' ');
        int hyphen = s.IndexOf('-');
        ReadOnlySpan<char> first = hyphen < 0 ? s : s[..hyphen];
        if (!TryParsePositive(first, out int minimum))
        {
            return false;
        }

        if (hyphen < 0)
        {
            multiplicity = new DicomValueMultiplicity(minimum, minimum, 1);
            return true;
        }

        ReadOnlySpan<char> second = s[(hyphen + 1)..];
        if (second.Length > 0 && second[^1] == 'n')
        {
            // "k-n" counts from k; "k-kn" counts multiples of k.
            int step = 1;
            if (second.Length > 1 && (!TryParsePositive(second[..^1], out step) || minimum % step != 0))
            {
                return false;
            }

            multiplicity = new DicomValueMultiplicity(minimum, null, step);
            return true;
        }

        if (!TryParsePositive(second, out int maximum) || maximum < minimum)
        {
            return false;
        }

        multiplicity = new DicomValueMultiplicity(minimum, maximum, 1);
        return true;
    }

    /// <exception cref="FormatException">Not PS3.6 notation.</exception>
    public static DicomValueMultiplicity Parse(string s) =>
        TryParse(s, out DicomValueMultiplicity multiplicity)
            ? multiplicity
            : throw new FormatException($"'{s}' is not a value multiplicity.");

    public bool Allows(int count) =>
        count >= Minimum && (Maximum is null || count <= Maximum) && (Step <= 1 || count % Step == 0);

    public override string ToString()
    {
        string minimum = Minimum.ToString(CultureInfo.InvariantCulture);
        if (Maximum is null)
        {
            return minimum + "-" + (Step == 1 ? string.Empty : Step.ToString(CultureInfo.InvariantCulture)) + "n";
        }

        return Maximum == Minimum ? minimum : minimum + "-" + Maximum.Value.ToString(CultureInfo.InvariantCulture);
    }

    private static bool TryParsePositive(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        return s.Length is > 0 and <= 9 && AsciiDigits.AreAllDigits(s)
            && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
    }
}
