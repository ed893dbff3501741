namespace ImageQuality.Dicom.Values;

/// <summary>
/// A parsed DT value. Components beyond <see cref="Precision"/> are at their minimum (month 1, day 1, zero time).
/// <see cref="Offset"/> is the "&amp;ZZXX" suffix when present; without it the time is in the offset given by
/// Timezone Offset From UTC (0008,0201) or else local to the modality (PS3.5 table 6.2-1), which only the
/// caller can know.
/// </summary>
public readonly record struct DicomDateTimeValue(DateTime DateTime, TimeSpan? Offset, DicomDateTimePrecision Precision)
{
    /// <summary>The instant, or null when the value carries no offset.</summary>
    public DateTimeOffset? ToDateTimeOffset() =>
        Offset is { } offset ? new DateTimeOffset(DateTime.SpecifyKind(DateTime, DateTimeKind.Unspecified), offset) : null;

    /// <summary>The instant, using <paramref name="fallbackOffset"/> (e.g. from Timezone Offset From UTC) when the value has none.</summary>
    public DateTimeOffset ToDateTimeOffset(TimeSpan fallbackOffset) =>
        new(DateTime.SpecifyKind(DateTime, DateTimeKind.Unspecified), Offset ?? fallbackOffset);

    /// <summary>The DICOM form, see <see cref="DicomDateTime.Format(DicomDateTimeValue)"/>.</summary>
    public override string ToString() => DicomDateTime.Format(this);
}
