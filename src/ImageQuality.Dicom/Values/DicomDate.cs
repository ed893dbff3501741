namespace ImageQuality.Dicom.Values;

/// <summary>The DA value representation (PS3.5 table 6.2-1): a calendar date "YYYYMMDD".</summary>
public static class DicomDate
{
    /// <summary>
    /// Parses one DA value. Trailing padding spaces are ignored. The ACR-NEMA 300 form "YYYY.MM.DD", retired in
    /// DICOM 3.0 but still found in old files, is accepted too (PS3.5 table 6.2-1 recommends reading it);
    /// <see cref="DicomValueValidator"/> reports it.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> s, out DateOnly date) => TryParse(s, out date, out _);

    internal static bool TryParse(ReadOnlySpan<char> s, out DateOnly date, out DicomParseRemarks remarks)
    {
        date = default;
        remarks = DicomParseRemarks.None;
        s = AsciiDigits.TrimPadding(s);
        int year, month, day;
        if (s.Length == 8)
        {
            if (!AsciiDigits.TryRead(s, 0, 4, out year) || !AsciiDigits.TryRead(s, 4, 2, out month)
                || !AsciiDigits.TryRead(s, 6, 2, out day))
            {
                return false;
            }
        }
        else if (s.Length == 10 && s[4] == '.' && s[7] == '.')
        {
            if (!AsciiDigits.TryRead(s, 0, 4, out year) || !AsciiDigits.TryRead(s, 5, 2, out month)
                || !AsciiDigits.TryRead(s, 8, 2, out day))
            {
                return false;
            }

            remarks = DicomParseRemarks.RetiredFormat;
        }
        else
        {
            return false;
        }

        return TryCreate(year, month, day, out date);
    }

    public static string Format(DateOnly date)
    {
        Span<char> buffer = stackalloc char[8];
        Write(buffer, date);
        return new string(buffer);
    }

    internal static void Write(Span<char> destination, DateOnly date)
    {
        AsciiDigits.Write(destination, date.Year, 4);
        AsciiDigits.Write(destination[4..], date.Month, 2);
        AsciiDigits.Write(destination[6..], date.Day, 2);
    }

    internal static bool TryCreate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }
}
