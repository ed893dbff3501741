namespace ImageQuality.Dicom.Network.Association;

/// <summary>
/// DICOM TLS on its own port (PS3.15 B.12 BCP 195 / B.13 non-downgrading BCP 195 profiles: TLS 1.2 and 1.3 only,
/// the server authenticated by its certificate, the client optionally too). Plain settable properties so that
/// configuration binding can fill them.
/// </summary>
public sealed class DicomTlsOptions
{
    /// <summary>The port IANA registers for DICOM over TLS ("dicom-tls").</summary>
    public const int DefaultPort = 2762;

    /// <summary>TCP port for TLS connections; 0 picks a free one (tests).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>The server certificate: a PEM file (its key in <see cref="PrivateKeyPath"/>, any further certificates in it sent as the chain) or a PFX/PKCS#12 file with its key.</summary>
    public string CertificatePath { get; set; } = string.Empty;

    /// <summary>The PEM private key of a PEM <see cref="CertificatePath"/>; empty when the key is in the same PEM file.</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>Password of a PFX file or of an encrypted PEM key; null when there is none.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Whether a client must present a certificate that <see cref="TrustedClientCertificatesPath"/> vouches for; without one the handshake fails.</summary>
    public bool RequireClientCertificate { get; set; }

    /// <summary>
    /// PEM bundle of the CA certificates (or the client certificates themselves) accepted for client certificates.
    /// Required with <see cref="RequireClientCertificate"/>; when set without it, a client certificate is asked
    /// for, and one that is presented must chain to this bundle.
    /// </summary>
    public string? TrustedClientCertificatesPath { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate(int plainPort)
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"Tls.{nameof(Port)} must be 0 to 65535");
        }

        if (Port != 0 && Port == plainPort)
        {
            throw new ArgumentException($"Tls.{nameof(Port)} {Port} is the plain TCP port too; DICOM TLS needs its own port");
        }

        RequireFile(CertificatePath, nameof(CertificatePath));
        if (!string.IsNullOrEmpty(PrivateKeyPath))
        {
            RequireFile(PrivateKeyPath, nameof(PrivateKeyPath));
        }

        if (RequireClientCertificate && string.IsNullOrEmpty(TrustedClientCertificatesPath))
        {
            throw new ArgumentException($"Tls.{nameof(RequireClientCertificate)} needs Tls.{nameof(TrustedClientCertificatesPath)}: the certificates that client certificates must chain to");
        }

        if (!string.IsNullOrEmpty(TrustedClientCertificatesPath))
        {
            RequireFile(TrustedClientCertificatesPath, nameof(TrustedClientCertificatesPath));
        }
    }

    private static void RequireFile(string? path, string name)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new ArgumentException($"Tls.{name} is required");
        }

        if (!File.Exists(path))
        {
            throw new ArgumentException($"Tls.{name}: {path} does not exist");
        }
    }
}
