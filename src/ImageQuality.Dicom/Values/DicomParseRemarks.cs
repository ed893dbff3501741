namespace ImageQuality.Dicom.Values;

/// <summary>What a lenient parse accepted that a conforming writer would not have written.</summary>
[Flags]
internal enum DicomParseRemarks
{
    None = 0,

    /// <summary>The ACR-NEMA 300 form "YYYY.MM.DD" or "HH:MM:SS.frac", retired in DICOM 3.0.</summary>
    RetiredFormat = 1,

    /// <summary>Seconds were 60; the value was clamped to 59.999999 because DateTime and TimeOnly have no leap seconds.</summary>
    LeapSecond = 2,
}
