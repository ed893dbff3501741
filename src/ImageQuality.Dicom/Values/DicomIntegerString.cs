using System.Globalization;

namespace ImageQuality.Dicom.Values;

/// <summary>The IS value representation (PS3.5 table 6.2-1): a signed decimal integer of at most 12 bytes.</summary>
public static class DicomIntegerString
{
    /// <summary>PS3.5 table 6.2-1: an IS value is at most 12 bytes.</summary>
    public const int MaxLength = 12;

    /// <summary>
    /// Parses one IS value within the range PS3.5 allows, -2^31..2^31-1: leading and trailing spaces, an optional
    /// sign, then decimal digits (leading zeros allowed). Longer than 12 bytes is accepted (some writers pad with
    /// zeros); <see cref="DicomValueValidator"/> reports it.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        if (!TryParse(s, out long wide) || wide is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        value = (int)wide;
        return true;
    }

    /// <summary>
    /// As <see cref="TryParse(ReadOnlySpan{char}, out int)"/> but accepting any 64-bit value, for files that
    /// exceed the standard's range (such values are still reported by <see cref="DicomValueValidator"/>).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> s, out long value)
    {
        value = 0;
        s = s.Trim(' ');
        return IsWellFormed(s) && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>[+-] digits, nothing else.</summary>
    internal static bool IsWellFormed(ReadOnlySpan<char> s)
    {
        if (!s.IsEmpty && s[0] is '+' or '-')
        {
            s = s[1..];
        }

        return !s.IsEmpty && AsciiDigits.AreAllDigits(s);
    }
}
