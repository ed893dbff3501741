using System.Globalization;

namespace ImageQuality.Dicom.Values;

/// <summary>The AS value representation (PS3.5 table 6.2-1): an age "nnnD", "nnnW", "nnnM" or "nnnY".</summary>
public readonly record struct DicomAge
{
    private const double DaysPerYear = 365.2425;

    /// <param name="number">0 to 999.</param>
    /// <param name="unit">Days, weeks, months or years.</param>
    /// <exception cref="ArgumentOutOfRangeException">The number does not fit three digits, or the unit is undefined.</exception>
    public DicomAge(int number, DicomAgeUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 999);
        if (unit is < DicomAgeUnit.Days or > DicomAgeUnit.Years)
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Not an AS unit.");
        }

        Number = number;
        Unit = unit;
    }

    public int Number { get; }

    public DicomAgeUnit Unit { get; }

    public void Deconstruct(out int number, out DicomAgeUnit unit)
    {
        number = Number;
        unit = Unit;
    }

    /// <summary>
    /// The age as a duration, with the Gregorian mean month (30.436875 days) and year (365.2425 days); good for
    /// comparing ages, not for calendar arithmetic.
    /// </summary>
    public TimeSpan ApproximateTimeSpan => Unit switch
    {
        DicomAgeUnit.Days => TimeSpan.FromDays(Number),
        DicomAgeUnit.Weeks => TimeSpan.FromDays(7 * Number),
        DicomAgeUnit.Months => TimeSpan.FromDays(Number * DaysPerYear / 12),
        _ => TimeSpan.FromDays(Number * DaysPerYear),
    };

    /// <summary>
    /// Parses one AS value: exactly three digits and an upper-case unit letter, surrounding spaces ignored.
    /// Shorter forms such as "45Y" are rejected; they are not AS and their meaning is a guess.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> s, out DicomAge age)
    {
        age = default;
        s = s.Trim(' ');
        if (s.Length != 4 || !AsciiDigits.TryRead(s, 0, 3, out int number))
        {
            return false;
        }

        DicomAgeUnit? unit = s[3] switch
        {
            'D' => DicomAgeUnit.Days,
            'W' => DicomAgeUnit.Weeks,
            'M' => DicomAgeUnit.Months,
            'Y' => DicomAgeUnit.Years,
            _ => null,
        };
        if (unit is null)
        {
            return false;
        }

        age = new DicomAge(number, unit.Value);
        return true;
    }

    public static string Format(DicomAge age) => age.ToString();

    /// <summary>The AS form, e.g. "045Y".</summary>
    public override string ToString()
    {
        char unit = Unit switch
        {
            DicomAgeUnit.Days => 'D',
            DicomAgeUnit.Weeks => 'W',
            DicomAgeUnit.Months => 'M',
            _ => 'Y',
        };
        return Number.ToString("D3", CultureInfo.InvariantCulture) + unit;
    }
}
