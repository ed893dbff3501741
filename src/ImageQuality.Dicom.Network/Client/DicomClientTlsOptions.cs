namespace ImageQuality.Dicom.Network.Client;

/// <summary>
/// DICOM TLS for an SCU (PS3.15 B.12/B.13: TLS 1.2 and 1.3 only). Plain settable properties so that
/// configuration binding can fill them.
/// </summary>
public sealed class DicomClientTlsOptions
{
    /// <summary>PEM bundle of the CA certificates (or server certificates) trusted for the server; null trusts the system store.</summary>
    public string? TrustedCertificatesPath { get; set; }

    /// <summary>Our PEM client certificate, for servers that require one; null sends none.</summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>The PEM private key of <see cref="ClientCertificatePath"/>; null when the key is in the same file.</summary>
    public string? ClientKeyPath { get; set; }

    /// <summary>The name the server certificate must carry (and the SNI sent); null uses the host that is called.</summary>
    public string? ServerName { get; set; }

    /// <summary>Accept any server certificate (testing only): the connection is encrypted but the server is not authenticated.</summary>
    public bool AllowUntrustedServer { get; set; }
}
