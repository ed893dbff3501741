using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ImageQuality.Dicom.Network.Client;

namespace ImageQuality.Cli.Network;

/// <summary>
/// The DICOM TLS options of the SCU verbs (<c>--tls</c> and its <c>--tls-*</c> companions), read into
/// <see cref="DicomClientTlsOptions"/>. The companions only mean something with <c>--tls</c>; given alone they are
/// refused rather than ignored, so that nobody believes a connection is protected when it goes out in plain TCP.
/// </summary>
internal sealed class ClientTlsFlags
{
    public Option<bool> Enable { get; } = new("--tls") { Description = "Use DICOM TLS (TLS 1.2/1.3; the peer's TLS port, e.g. 2762)." };

    public Option<string?> TrustedCertificates { get; } = new("--tls-ca") { Description = "PEM file of the CA certificates (or server certificates) trusted for the peer (default: the system store)." };

    public Option<string?> Certificate { get; } = new("--tls-cert") { Description = "PEM file of our client certificate, for peers that require one (its key in it, or in --tls-key)." };

    public Option<string?> Key { get; } = new("--tls-key") { Description = "PEM file of the private key of --tls-cert." };

    public Option<string?> ServerName { get; } = new("--tls-server-name") { Description = "The name the peer's certificate must carry, and the SNI sent (default: the host called)." };

    public Option<bool> Insecure { get; } = new("--tls-insecure") { Description = "Accept any server certificate: encrypted, but the peer is not authenticated (testing only)." };

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Enable, TrustedCertificates, Certificate, Key, ServerName, Insecure })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The TLS settings (null for plain TCP), or a message saying which flag is unusable.</summary>
    public (DicomClientTlsOptions? Tls, string? Error) Read(ParseResult parse)
    {
        string? ca = parse.GetValue(TrustedCertificates);
        string? certificate = parse.GetValue(Certificate);
        string? key = parse.GetValue(Key);
        string? serverName = parse.GetValue(ServerName);
        bool insecure = parse.GetValue(Insecure);
        if (!parse.GetValue(Enable))
        {
            string? stray = ca is not null ? "--tls-ca" : certificate is not null ? "--tls-cert" : key is not null ? "--tls-key"
                : serverName is not null ? "--tls-server-name" : insecure ? "--tls-insecure" : null;
            return (null, stray is null ? null : $"{stray} needs --tls (without it the connection is plain TCP)");
        }

        if (key is not null && certificate is null)
        {
            return (null, "--tls-key needs --tls-cert: the client certificate the key belongs to");
        }

        if (insecure && ca is not null)
        {
            // Refused rather than silently ignored: --tls-insecure accepts any certificate, so the CA would not be checked.
            return (null, "--tls-insecure accepts any server certificate: --tls-ca would not be checked; give one or the other");
        }

        if (serverName is not null && serverName.Trim().Length == 0)
        {
            return (null, "--tls-server-name must not be empty");
        }

        foreach ((string? path, string name) in new[] { (ca, "--tls-ca"), (certificate, "--tls-cert"), (key, "--tls-key") })
        {
            if (path is not null && !File.Exists(path))
            {
                return (null, $"{name} {path}: no such file");
            }
        }

        if (Unreadable(ca, certificate, key) is { } unreadable)
        {
            return (null, unreadable);
        }

        return (new DicomClientTlsOptions
        {
            TrustedCertificatesPath = ca,
            ClientCertificatePath = certificate,
            ClientKeyPath = key,
            ServerName = serverName,
            AllowUntrustedServer = insecure,
        }, null);
    }

    /// <summary>
    /// Reads the files once before connecting, so that a wrong file (a key given as the CA, a certificate without its
    /// key) is a usage error naming the flag, not a failed association after a round trip to the peer.
    /// </summary>
    private static string? Unreadable(string? ca, string? certificate, string? key)
    {
        try
        {
            if (ca is not null)
            {
                var bundle = new X509Certificate2Collection();
                bundle.ImportFromPemFile(ca);
                if (bundle.Count == 0)
                {
                    return $"--tls-ca {ca} holds no PEM certificate";
                }
            }
        }
        catch (CryptographicException e)
        {
            return $"--tls-ca {ca}: {e.Message}";
        }

        try
        {
            if (certificate is not null)
            {
                using X509Certificate2 ours = X509Certificate2.CreateFromPemFile(certificate, key);
            }
        }
        catch (CryptographicException e)
        {
            return $"--tls-cert {certificate}{(key is null ? string.Empty : $" with --tls-key {key}")}: {e.Message}";
        }

        return null;
    }
}
