namespace ImageQuality.Dicom.Values;

/// <summary>The DT value representation (PS3.5 table 6.2-1): "YYYY[MM[DD[HH[MM[SS[.F{1-6}]]]]]][&amp;ZZXX]".</summary>
public static class DicomDateTime
{
    private static readonly TimeSpan MinimumOffset = TimeSpan.FromHours(-12);
    private static readonly TimeSpan MaximumOffset = TimeSpan.FromHours(14);

    /// <summary>
    /// Parses one DT value. Trailing padding spaces are ignored. The offset must lie in -1200..+1400 as PS3.5
    /// requires. Seconds of 60 (a leap second) are clamped to 59.999999 because <see cref="DateTime"/> has none.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> s, out DicomDateTimeValue value) => TryParse(s, out value, out _);

    internal static bool TryParse(ReadOnlySpan<char> s, out DicomDateTimeValue value, out DicomParseRemarks remarks)
    {
        value = default;
        remarks = DicomParseRemarks.None;
        s = AsciiDigits.TrimPadding(s);

        TimeSpan? offset = null;
        int sign = s.IndexOfAny('+', '-');
        if (sign >= 0)
        {
            if (!TryParseOffset(s[sign..], out TimeSpan parsed))
            {
                return false;
            }

            offset = parsed;
            s = s[..sign];
        }

        if (!AsciiDigits.TryRead(s, 0, 4, out int year) || s.Length is 5 or 7)
        {
            return false;
        }

        int month = 1, day = 1;
        var precision = DicomDateTimePrecision.Year;
        if (s.Length >= 6)
        {
            if (!AsciiDigits.TryRead(s, 4, 2, out month))
            {
                return false;
            }

            precision = DicomDateTimePrecision.Month;
        }

        if (s.Length >= 8)
        {
            if (!AsciiDigits.TryRead(s, 6, 2, out day))
            {
                return false;
            }

            precision = DicomDateTimePrecision.Day;
        }

        if (!DicomDate.TryCreate(year, month, day, out DateOnly date))
        {
            return false;
        }

        var time = TimeOnly.MinValue;
        if (s.Length > 8)
        {
            if (!DicomTime.TryParseComponents(
                    s[8..], out int hour, out int minute, out int second, out long ticks, out DicomTimePrecision timePrecision))
            {
                return false;
            }

            if (second == 60)
            {
                second = 59;
                ticks = TimeSpan.TicksPerSecond - (TimeSpan.TicksPerMillisecond / 1000);
                remarks |= DicomParseRemarks.LeapSecond;
            }

            time = new TimeOnly(hour, minute, second).Add(TimeSpan.FromTicks(ticks));
            precision = DicomDateTimePrecision.Hours + (int)timePrecision;
        }

        value = new DicomDateTimeValue(date.ToDateTime(time), offset, precision);
        return true;
    }

    /// <summary>
    /// Formats to the value's precision (six fraction digits for <see cref="DicomDateTimePrecision.Fraction"/>,
    /// finer ticks truncated), followed by the offset when known.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The offset is not whole minutes within -12:00..+14:00.</exception>
    public static string Format(DicomDateTimeValue value) => Format(value.DateTime, value.Offset, value.Precision);

    /// <inheritdoc cref="Format(DicomDateTimeValue)"/>
    public static string Format(DateTime dateTime, TimeSpan? offset, DicomDateTimePrecision precision = DicomDateTimePrecision.Fraction)
    {
        if (offset is { } o && (o < MinimumOffset || o > MaximumOffset || o.Ticks % TimeSpan.TicksPerMinute != 0))
        {
            throw new ArgumentOutOfRangeException(nameof(offset), o, "A DT offset is whole minutes within -12:00..+14:00.");
        }

        Span<char> buffer = stackalloc char[26];
        AsciiDigits.Write(buffer, dateTime.Year, 4);
        int length = 4;
        if (precision >= DicomDateTimePrecision.Month)
        {
            AsciiDigits.Write(buffer[4..], dateTime.Month, 2);
            length = 6;
        }

        if (precision >= DicomDateTimePrecision.Day)
        {
            AsciiDigits.Write(buffer[6..], dateTime.Day, 2);
            length = 8;
        }

        if (precision >= DicomDateTimePrecision.Hours)
        {
            var timePrecision = (DicomTimePrecision)(precision - DicomDateTimePrecision.Hours);
            length += DicomTime.Write(
                buffer[8..], dateTime.Hour, dateTime.Minute, dateTime.Second, dateTime.Ticks % TimeSpan.TicksPerSecond, timePrecision, 6);
        }

        if (offset is { } known)
        {
            buffer[length] = known < TimeSpan.Zero ? '-' : '+';
            TimeSpan magnitude = known.Duration();
            AsciiDigits.Write(buffer[(length + 1)..], (int)magnitude.TotalHours, 2);
            AsciiDigits.Write(buffer[(length + 3)..], magnitude.Minutes, 2);
            length += 5;
        }

        return new string(buffer[..length]);
    }

    private static bool TryParseOffset(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        offset = default;
        if (s.Length != 5 || !AsciiDigits.TryRead(s, 1, 2, out int hours) || !AsciiDigits.TryRead(s, 3, 2, out int minutes)
            || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (s[0] == '-')
        {
            offset = -offset;
        }

        return offset >= MinimumOffset && offset <= MaximumOffset;
    }
}
