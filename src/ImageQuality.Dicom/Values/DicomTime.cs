namespace ImageQuality.Dicom.Values;

/// <summary>The TM value representation (PS3.5 table 6.2-1): "HH[MM[SS[.F{1-6}]]]".</summary>
public static class DicomTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>
    /// Parses one TM value. Trailing padding spaces are ignored. The ACR-NEMA 300 form "HH:MM[:SS[.frac]]",
    /// retired in DICOM 3.0, is accepted too. Seconds of 60 (a leap second, allowed by PS3.5) are clamped to
    /// 59.999999 because <see cref="TimeOnly"/> has no leap seconds.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> s, out TimeOnly time, out DicomTimePrecision precision) =>
        TryParse(s, out time, out precision, out _);

    internal static bool TryParse(
        ReadOnlySpan<char> s, out TimeOnly time, out DicomTimePrecision precision, out DicomParseRemarks remarks)
    {
        time = default;
        precision = default;
        remarks = DicomParseRemarks.None;
        s = AsciiDigits.TrimPadding(s);

        // The retired form differs only by the colons, so remove them and parse the rest the same way.
        if (s.Length >= 3 && s[2] == ':')
        {
            Span<char> compact = stackalloc char[13];
            if (!TryRemoveColons(s, compact, out int length))
            {
                return false;
            }

            remarks = DicomParseRemarks.RetiredFormat;
            return TryParseCompact(compact[..length], out time, out precision, ref remarks);
        }

        return TryParseCompact(s, out time, out precision, ref remarks);
    }

    /// <summary>
    /// Formats a time to the given precision; <see cref="DicomTimePrecision.Fraction"/> writes
    /// <paramref name="fractionDigits"/> (1 to 6) digits, truncating finer parts.
    /// </summary>
    public static string Format(TimeOnly time, DicomTimePrecision precision = DicomTimePrecision.Fraction, int fractionDigits = 6)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fractionDigits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fractionDigits, 6);
        Span<char> buffer = stackalloc char[13];
        int length = Write(buffer, time.Hour, time.Minute, time.Second, time.Ticks % TimeSpan.TicksPerSecond, precision, fractionDigits);
        return new string(buffer[..length]);
    }

    /// <summary>Writes HH[MM[SS[.F…]]] and returns the number of characters; <paramref name="subSecondTicks"/> is below one second.</summary>
    internal static int Write(
        Span<char> destination, int hour, int minute, int second, long subSecondTicks, DicomTimePrecision precision, int fractionDigits)
    {
        AsciiDigits.Write(destination, hour, 2);
        if (precision == DicomTimePrecision.Hours)
        {
            return 2;
        }

        AsciiDigits.Write(destination[2..], minute, 2);
        if (precision == DicomTimePrecision.Minutes)
        {
            return 4;
        }

        AsciiDigits.Write(destination[4..], second, 2);
        if (precision == DicomTimePrecision.Seconds)
        {
            return 6;
        }

        int microseconds = (int)(subSecondTicks / TicksPerMicrosecond);
        for (int i = fractionDigits; i < 6; i++)
        {
            microseconds /= 10;
        }

        destination[6] = '.';
        AsciiDigits.Write(destination[7..], microseconds, fractionDigits);
        return 7 + fractionDigits;
    }

    private static bool TryRemoveColons(ReadOnlySpan<char> s, Span<char> compact, out int length)
    {
        // HH:MM, HH:MM:SS or HH:MM:SS.frac
        length = 0;
        int fraction = s.IndexOf('.');
        ReadOnlySpan<char> clock = fraction < 0 ? s : s[..fraction];
        if (clock.Length is not (5 or 8) || clock[2] != ':' || (clock.Length == 8 && clock[5] != ':'))
        {
            return false;
        }

        if (s.Length - (clock.Length == 5 ? 1 : 2) > compact.Length)
        {
            return false;
        }

        foreach (char c in s)
        {
            if (c != ':')
            {
                compact[length++] = c;
            }
        }

        return length == s.Length - (clock.Length == 5 ? 1 : 2);
    }

    private static bool TryParseCompact(
        ReadOnlySpan<char> s, out TimeOnly time, out DicomTimePrecision precision, ref DicomParseRemarks remarks)
    {
        time = default;
        precision = default;
        if (!TryParseComponents(s, out int hour, out int minute, out int second, out long ticks, out precision))
        {
            return false;
        }

        if (second == 60)
        {
            second = 59;
            ticks = TimeSpan.TicksPerSecond - TicksPerMicrosecond;
            remarks |= DicomParseRemarks.LeapSecond;
        }

        time = new TimeOnly(hour, minute, second).Add(TimeSpan.FromTicks(ticks));
        return true;
    }

    /// <summary>
    /// Reads "HH[MM[SS[.F{1-6}]]]" exactly (no padding); shared with DT, whose time part has the same form.
    /// Seconds may be 60; the caller decides what a leap second becomes.
    /// </summary>
    internal static bool TryParseComponents(
        ReadOnlySpan<char> s, out int hour, out int minute, out int second, out long subSecondTicks, out DicomTimePrecision precision)
    {
        hour = minute = second = 0;
        subSecondTicks = 0;
        precision = DicomTimePrecision.Hours;
        if (!AsciiDigits.TryRead(s, 0, 2, out hour) || hour > 23)
        {
            return false;
        }

        if (s.Length == 2)
        {
            return true;
        }

        if (!AsciiDigits.TryRead(s, 2, 2, out minute) || minute > 59)
        {
            return false;
        }

        precision = DicomTimePrecision.Minutes;
        if (s.Length == 4)
        {
            return true;
        }

        if (!AsciiDigits.TryRead(s, 4, 2, out second) || second > 60)
        {
            return false;
        }

        precision = DicomTimePrecision.Seconds;
        if (s.Length == 6)
        {
            return true;
        }

        int digits = s.Length - 7;
        if (s[6] != '.' || digits is < 1 or > 6 || !AsciiDigits.TryRead(s, 7, digits, out int fraction))
        {
            return false;
        }

        for (int i = digits; i < 6; i++)
        {
            fraction *= 10;
        }

        subSecondTicks = fraction * TicksPerMicrosecond;
        precision = DicomTimePrecision.Fraction;
        return true;
    }
}
