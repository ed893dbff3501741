using ImageQuality.Dicom.Values;

namespace ImageQuality.Dicom;

/// <summary>Dates, times, ages and person names as .NET values. A malformed value gives false or null, never an exception.</summary>
public sealed partial class DicomDataset
{
    /// <summary>A DA value (YYYYMMDD; the retired YYYY.MM.DD is accepted).</summary>
    public bool TryGetDate(DicomTag tag, out DateOnly date, int index = 0)
    {
        date = default;
        return GetString(tag, index) is { Length: > 0 } s && DicomDate.TryParse(s, out date);
    }

    /// <summary>A TM value; partial times (HH, HHMM) are the start of the period they name.</summary>
    public bool TryGetTime(DicomTag tag, out TimeOnly time, int index = 0)
    {
        time = default;
        return GetString(tag, index) is { Length: > 0 } s && DicomTime.TryParse(s, out time, out _);
    }

    /// <summary>A DT value with its precision and, when given, its UTC offset.</summary>
    public bool TryGetDateTime(DicomTag tag, out DicomDateTimeValue value, int index = 0)
    {
        value = default;
        return GetString(tag, index) is { Length: > 0 } s && DicomDateTime.TryParse(s, out value);
    }

    /// <summary>
    /// A date and a time held in two elements, as (0008,0022) Acquisition Date and (0008,0032) Acquisition Time are;
    /// a missing time counts as midnight.
    /// </summary>
    public bool TryGetDateAndTime(DicomTag dateTag, DicomTag timeTag, out DateTime value)
    {
        value = default;
        if (!TryGetDate(dateTag, out DateOnly date))
        {
            return false;
        }

        TimeOnly time = TryGetTime(timeTag, out TimeOnly t) ? t : TimeOnly.MinValue;
        value = date.ToDateTime(time);
        return true;
    }

    public bool TryGetAge(DicomTag tag, out DicomAge age)
    {
        age = default;
        return GetString(tag, 0) is { Length: > 0 } s && DicomAge.TryParse(s, out age);
    }

    /// <summary>A PN value split into component groups and components; null when absent or empty.</summary>
    public PersonName? GetPersonName(DicomTag tag, int index = 0) =>
        GetString(tag, index) is { Length: > 0 } s ? PersonName.Parse(s) : null;
}
