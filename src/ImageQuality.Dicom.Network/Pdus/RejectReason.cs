namespace ImageQuality.Dicom.Network.Pdus;

/// <summary>
/// A-ASSOCIATE-RJ reason/diagnostic values (PS3.8 Table 9-21). Their meaning depends on the source, hence one
/// constant per (source, reason) pair.
/// </summary>
public static class RejectReason
{
    /// <summary>Source 1 (service user): no reason given.</summary>
    public const byte NoReasonGiven = 1;

    /// <summary>Source 1: application context name not supported.</summary>
    public const byte ApplicationContextNameNotSupported = 2;

    /// <summary>Source 1: calling AE title not recognized.</summary>
    public const byte CallingAeTitleNotRecognized = 3;

    /// <summary>Source 1: called AE title not recognized.</summary>
    public const byte CalledAeTitleNotRecognized = 7;

    /// <summary>Source 2 (ACSE provider): no reason given.</summary>
    public const byte AcseNoReasonGiven = 1;

    /// <summary>Source 2: protocol version not supported.</summary>
    public const byte ProtocolVersionNotSupported = 2;

    /// <summary>Source 3 (presentation provider): temporary congestion.</summary>
    public const byte TemporaryCongestion = 1;

    /// <summary>Source 3: local limit exceeded (too many associations).</summary>
    public const byte LocalLimitExceeded = 2;
}
