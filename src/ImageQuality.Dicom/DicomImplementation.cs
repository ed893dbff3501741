namespace ImageQuality.Dicom;

/// <summary>How this toolkit names itself in file meta information and association negotiation (PS3.7 D.3.3.2).</summary>
public static class DicomImplementation
{
    /// <summary>A UUID-derived UID (PS3.5 B.2) made once for ImageQuality; it never changes between versions.</summary>
    public const string ClassUid = "2.25.137494755877766943470010387989702592737";

    /// <summary>Up to 16 characters (SH); changes with releases that change what we write.</summary>
    public const string VersionName = "IMAGEQUALITY_01";
}
