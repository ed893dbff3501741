using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using ImageQuality.Dicom.Network.Client;

namespace ImageQuality.Dicom.Network.Tls;

/// <summary>The client side of DICOM TLS: TLS 1.2/1.3, the server checked against a PEM bundle or the system store, our certificate when configured.</summary>
internal static class DicomTlsClient
{
    public static async Task<SslStream> AuthenticateAsync(Stream transport, string host, DicomClientTlsOptions options, TimeSpan timeout, CancellationToken cancellationToken)
    {
        X509Certificate2Collection? trusted = string.IsNullOrEmpty(options.TrustedCertificatesPath) ? null : TlsCertificates.LoadBundle(options.TrustedCertificatesPath);
        var ours = new X509CertificateCollection();
        if (!string.IsNullOrEmpty(options.ClientCertificatePath))
        {
            ours.Add(TlsCertificates.LoadWithKey(options.ClientCertificatePath, options.ClientKeyPath, null));
        }

        string targetHost = string.IsNullOrEmpty(options.ServerName) ? host : options.ServerName;
        string? rejection = null;
        var authentication = new SslClientAuthenticationOptions
        {
            TargetHost = targetHost,
            EnabledSslProtocols = TlsCertificates.Protocols,
            ClientCertificates = ours,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                if (options.AllowUntrustedServer)
                {
                    return true;
                }

                if (certificate is null)
                {
                    rejection = "the server sent no certificate";
                    return false;
                }

                if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
                {
                    rejection = $"the server certificate {certificate.Subject} does not name {targetHost}";
                    return false;
                }

                if (trusted is null)
                {
                    rejection = errors == SslPolicyErrors.None ? null : $"the server certificate {certificate.Subject} is not trusted ({errors})";
                    return rejection is null;
                }

                if (TlsCertificates.IsTrusted(certificate, trusted, out string why))
                {
                    return true;
                }

                rejection = $"the server certificate {certificate.Subject} is not trusted ({why})";
                return false;
            },
        };
        var ssl = new SslStream(transport, leaveInnerStreamOpen: false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await ssl.AuthenticateAsClientAsync(authentication, deadline.Token).ConfigureAwait(false);
            return ssl;
        }
        catch (Exception e)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            if (rejection is not null)
            {
                throw new AuthenticationException($"TLS with {host}: {rejection}", e);
            }

            if (e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"TLS with {host}: no handshake within {timeout.TotalSeconds:0.#} s", e);
            }

            throw;
        }
    }
}
