namespace ImageQuality.Dicom.Network.Pdus;

/// <summary>Who aborted the association (PS3.8 Table 9-26).</summary>
public enum AbortSource : byte
{
    /// <summary>The DICOM UL service-user (the application) initiated the abort; the reason is not significant.</summary>
    ServiceUser = 0,

    Reserved = 1,

    /// <summary>The DICOM UL service-provider (the protocol machine) initiated it: A-P-ABORT.</summary>
    ServiceProvider = 2,
}
