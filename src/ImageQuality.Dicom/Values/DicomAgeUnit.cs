namespace ImageQuality.Dicom.Values;

/// <summary>The unit letter of an AS value.</summary>
public enum DicomAgeUnit
{
    /// <summary>D</summary>
    Days,

    /// <summary>W</summary>
    Weeks,

    /// <summary>M</summary>
    Months,

    /// <summary>Y</summary>
    Years,
}
