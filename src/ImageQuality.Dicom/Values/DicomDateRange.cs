namespace ImageQuality.Dicom.Values;

/// <summary>
/// A date range as used in query keys (PS3.4 C.2.2.2.5): "A-B", "-B" (on or before B), "A-" (on or after A),
/// or a single date. Both ends are inclusive; a missing end is open.
/// </summary>
public readonly record struct DicomDateRange(DateOnly? Start, DateOnly? End)
{
    /// <summary>
    /// Parses a range. An empty value (or only spaces) is the unbounded range, because an empty query key matches
    /// every date. Spaces around the hyphen are tolerated. A start after the end is rejected, as PS3.4 requires
    /// date1 &lt;= date2.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> s, out DicomDateRange range)
    {
        range = default;
        s = s.Trim(' ');
        if (s.IsEmpty)
        {
            return true;
        }

        int hyphen = s.IndexOf('-');
        if (hyphen < 0)
        {
            if (!DicomDate.TryParse(s, out DateOnly single))
            {
                return false;
            }

            range = new DicomDateRange(single, single);
            return true;
        }

        ReadOnlySpan<char> first = s[..hyphen].Trim(' ');
        ReadOnlySpan<char> second = s[(hyphen + 1)..].Trim(' ');
        if (first.IsEmpty && second.IsEmpty)
        {
            return false;
        }

        DateOnly? start = null;
        DateOnly? end = null;
        if (!first.IsEmpty)
        {
            if (!DicomDate.TryParse(first, out DateOnly d))
            {
                return false;
            }

            start = d;
        }

        if (!second.IsEmpty)
        {
            if (!DicomDate.TryParse(second, out DateOnly d))
            {
                return false;
            }

            end = d;
        }

        if (start > end)
        {
            return false;
        }

        range = new DicomDateRange(start, end);
        return true;
    }

    public bool Contains(DateOnly date) => (Start is null || date >= Start.Value) && (End is null || date <= End.Value);

    /// <summary>The query form: "A-B", "-B", "A-", a single date when both ends are equal, or "" when unbounded.</summary>
    public override string ToString()
    {
        if (Start is null && End is null)
        {
            return string.Empty;
        }

        if (Start == End)
        {
            return DicomDate.Format(Start!.Value);
        }

        string start = Start is { } s ? DicomDate.Format(s) : string.Empty;
        string end = End is { } e ? DicomDate.Format(e) : string.Empty;
        return start + "-" + end;
    }
}
