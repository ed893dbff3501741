namespace ImageQuality.Dicom.Values;

/// <summary>The last component present in a TM value; the components after it are unknown, not zero.</summary>
public enum DicomTimePrecision
{
    Hours,
    Minutes,
    Seconds,

    /// <summary>Seconds with a fraction of 1 to 6 digits.</summary>
    Fraction,
}
