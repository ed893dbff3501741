using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using ImageQuality.Dicom.Network.Association;

namespace ImageQuality.Dicom.Network.Tls;

/// <summary>
/// The server side of DICOM TLS: the certificate, chain and client trust loaded once (a bad file fails at start,
/// not at the first connection), and the handshake of each connection under a deadline.
/// </summary>
internal sealed class DicomTlsServer
{
    private readonly DicomTlsOptions _options;
    private readonly SslStreamCertificateContext _certificate;
    private readonly X509Certificate2Collection? _trustedClients;

    public DicomTlsServer(DicomTlsOptions options)
    {
        _options = options;
        X509Certificate2 certificate = TlsCertificates.LoadWithKey(options.CertificatePath, options.PrivateKeyPath, options.CertificatePassword);
        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException($"Tls.CertificatePath {options.CertificatePath} has no private key");
        }

        _certificate = SslStreamCertificateContext.Create(certificate, TlsCertificates.LoadChain(options.CertificatePath), offline: true);
        _trustedClients = string.IsNullOrEmpty(options.TrustedClientCertificatesPath) ? null : TlsCertificates.LoadBundle(options.TrustedClientCertificatesPath);
        Subject = certificate.Subject;
    }

    public string Subject { get; }

    /// <summary>Runs the handshake; throws (AuthenticationException, IOException, OperationCanceledException at the deadline) when it fails.</summary>
    public async Task<SslStream> AuthenticateAsync(Stream transport, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var ssl = new SslStream(transport, leaveInnerStreamOpen: false);
        string? rejection = null;
        var authentication = new SslServerAuthenticationOptions
        {
            ServerCertificateContext = _certificate,
            EnabledSslProtocols = TlsCertificates.Protocols,
            ClientCertificateRequired = _trustedClients is not null,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            AllowRenegotiation = false,
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                if (certificate is null)
                {
                    rejection = _options.RequireClientCertificate ? "the client sent no certificate and one is required" : null;
                    return rejection is null;
                }

                if (TlsCertificates.IsTrusted(certificate, _trustedClients!, out string why))
                {
                    return true;
                }

                rejection = $"the client certificate {certificate.Subject} is not trusted ({why})";
                return false;
            },
        };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await ssl.AuthenticateAsServerAsync(authentication, deadline.Token).ConfigureAwait(false);
            return ssl;
        }
        catch (Exception e)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            if (rejection is not null)
            {
                throw new System.Security.Authentication.AuthenticationException(rejection, e);
            }

            if (e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"no TLS handshake within the ARTIM timeout of {timeout.TotalSeconds:0.#} s", e);
            }

            throw;
        }
    }
}
