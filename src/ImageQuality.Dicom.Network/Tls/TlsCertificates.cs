using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ImageQuality.Dicom.Network.Tls;

/// <summary>Loading certificates and keys from PEM or PFX files, and checking a peer's certificate against a PEM bundle.</summary>
internal static class TlsCertificates
{
    /// <summary>TLS 1.2 and 1.3 only: PS3.15 B.12/B.13 (BCP 195) forbid SSL and TLS 1.0/1.1.</summary>
    public const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>
    /// A certificate with its private key: PFX/PKCS#12 (recognised by content, not name), or PEM with the key in
    /// <paramref name="keyPath"/> or in the same file. The result is re-imported from PKCS#12 so that its key is
    /// usable by the TLS stack on every platform.
    /// </summary>
    public static X509Certificate2 LoadWithKey(string certificatePath, string? keyPath, string? password)
    {
        try
        {
            if (!IsPem(certificatePath))
            {
                return X509CertificateLoader.LoadPkcs12FromFile(certificatePath, password);
            }

            string key = string.IsNullOrEmpty(keyPath) ? certificatePath : keyPath;
            using X509Certificate2 pem = string.IsNullOrEmpty(password)
                ? X509Certificate2.CreateFromPemFile(certificatePath, key)
                : X509Certificate2.CreateFromEncryptedPemFile(certificatePath, password, key);
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException($"Cannot load the certificate {certificatePath}{(string.IsNullOrEmpty(keyPath) ? string.Empty : $" with key {keyPath}")}: {e.Message}", e);
        }
    }

    /// <summary>Every certificate of a PEM file after the first: the chain to send with a PEM server certificate.</summary>
    public static X509Certificate2Collection LoadChain(string certificatePath)
    {
        var all = new X509Certificate2Collection();
        if (IsPem(certificatePath))
        {
            all.ImportFromPemFile(certificatePath);
            if (all.Count > 0)
            {
                all.RemoveAt(0);
            }
        }

        return all;
    }

    public static X509Certificate2Collection LoadBundle(string path)
    {
        var bundle = new X509Certificate2Collection();
        try
        {
            bundle.ImportFromPemFile(path);
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException($"Cannot read the PEM certificates of {path}: {e.Message}", e);
        }

        if (bundle.Count == 0)
        {
            throw new ArgumentException($"{path} holds no PEM certificate");
        }

        return bundle;
    }

    /// <summary>
    /// Whether <paramref name="certificate"/> chains to one of <paramref name="trusted"/> (or is one of them),
    /// ignoring the system store; revocation is not checked (no CRL or OCSP endpoint is reachable in most sites).
    /// </summary>
    public static bool IsTrusted(X509Certificate certificate, X509Certificate2Collection trusted, out string why)
    {
        using X509Certificate2 leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        foreach (X509Certificate2 t in trusted)
        {
            if (t.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span))
            {
                why = string.Empty;
                return true;
            }
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
        chain.ChainPolicy.ExtraStore.AddRange(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain.Build(leaf))
        {
            why = string.Empty;
            return true;
        }

        why = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
        return false;
    }

    public static string Describe(SslStream ssl) =>
        $"{ssl.SslProtocol} {ssl.NegotiatedCipherSuite}{(ssl.RemoteCertificate is { } c ? $", peer certificate {c.Subject}" : ", no peer certificate")}";

    private static bool IsPem(string path)
    {
        using var reader = new StreamReader(path);
        char[] start = new char[4096];
        int n = reader.ReadBlock(start, 0, start.Length);
        return new string(start, 0, n).Contains("-----BEGIN", StringComparison.Ordinal);
    }
}
