namespace ImageQuality.Dicom.Values;

/// <summary>Fixed-width decimal fields of the DICOM date and time VRs, read without culture or sign handling.</summary>
internal static class AsciiDigits
{
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>Reads exactly <paramref name="count"/> digits at <paramref name="start"/>; false if any is not 0-9.</summary>
    public static bool TryRead(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start < 0 || start + count > s.Length)
        {
            return false;
        }

        for (int i = start; i < start + count; i++)
        {
            char c = s[i];
            if (!IsDigit(c))
            {
                value = 0;
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    public static bool AreAllDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes <paramref name="value"/> as exactly <paramref name="count"/> digits, zero-padded on the left.</summary>
    public static void Write(Span<char> destination, int value, int count)
    {
        for (int i = count - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>Removes the trailing spaces that pad a string value to even length.</summary>
    public static ReadOnlySpan<char> TrimPadding(ReadOnlySpan<char> s) => s.TrimEnd(' ');
}
