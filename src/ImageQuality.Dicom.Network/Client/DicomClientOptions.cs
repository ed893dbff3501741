namespace ImageQuality.Dicom.Network.Client;

/// <summary>Settings of the SCU side: who we say we are, whom we call, and the limits and timeouts of an association.</summary>
public sealed class DicomClientOptions
{
    public string CallingAeTitle { get; set; } = "IQ-SCU";

    public string CalledAeTitle { get; set; } = "ANY-SCP";

    /// <summary>The longest P-DATA-TF variable field we receive, and the most we send when the peer sets no limit.</summary>
    public int MaxPduLength { get; set; } = 131072;

    /// <summary>DICOM TLS (the peer's TLS port); null: plain TCP.</summary>
    public DicomClientTlsOptions? Tls { get; set; }

    /// <summary>The longest wait for the TCP connection, and then for the TLS handshake.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest wait for A-ASSOCIATE-AC/RJ and A-RELEASE-RP, and for the peer to take an association PDU.</summary>
    public TimeSpan AcseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait for a DIMSE response, and for the peer to take each PDU of a request.</summary>
    public TimeSpan DimseTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
