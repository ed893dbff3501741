namespace ImageQuality.Cli.Serve;

/// <summary>
/// The DICOM TLS flags of <c>iq serve</c> (<c>--tls-port</c>, <c>--tls-cert</c>, <c>--tls-key</c>): each overrides
/// its key of the <c>Listener:Tls</c> section; null leaves the key to the lower layers.
/// </summary>
internal sealed record ServeTlsFlags(int? Port, string? CertificatePath, string? PrivateKeyPath);
