using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ImageQuality.Dicom.Network.Tests.Interop;

/// <summary>
/// A throw-away PKI made at run time: a test CA, a server certificate for localhost and 127.0.0.1 and a client
/// certificate signed by it, another CA and a client certificate it signed. All written as PEM files to a
/// temporary folder, which goes away on dispose. The CLI tests compile this same file.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private TestCertificates(string folder) => Folder = folder;

    public string Folder { get; }

    public string CaPath => Path.Combine(Folder, "ca.pem");

    public string ServerCertPath => Path.Combine(Folder, "server.crt");

    public string ServerKeyPath => Path.Combine(Folder, "server.key");

    public string ServerPfxPath => Path.Combine(Folder, "server.pfx");

    public string ClientCertPath => Path.Combine(Folder, "client.crt");

    public string ClientKeyPath => Path.Combine(Folder, "client.key");

    /// <summary>The certificate of a CA that signed neither the server's nor the client's certificate.</summary>
    public string OtherCaPath => Path.Combine(Folder, "other-ca.pem");

    public string StrangerCertPath => Path.Combine(Folder, "stranger.crt");

    public string StrangerKeyPath => Path.Combine(Folder, "stranger.key");

    public const string PfxPassword = "test-password";

    public static TestCertificates Create()
    {
        var pki = new TestCertificates(Path.Combine(Path.GetTempPath(), "iq-tls-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(pki.Folder);
        using X509Certificate2 ca = CreateCa("CN=ImageQuality Test CA");
        using X509Certificate2 otherCa = CreateCa("CN=Some Other CA");
        File.WriteAllText(pki.OtherCaPath, otherCa.ExportCertificatePem());
        File.WriteAllText(pki.CaPath, ca.ExportCertificatePem());

        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        using X509Certificate2 server = Issue(ca, "CN=localhost", "1.3.6.1.5.5.7.3.1", san.Build(), pki.ServerCertPath, pki.ServerKeyPath);
        File.WriteAllBytes(pki.ServerPfxPath, server.Export(X509ContentType.Pkcs12, PfxPassword));
        using X509Certificate2 client = Issue(ca, "CN=IQ Test Modality", "1.3.6.1.5.5.7.3.2", null, pki.ClientCertPath, pki.ClientKeyPath);
        using X509Certificate2 stranger = Issue(otherCa, "CN=Stranger", "1.3.6.1.5.5.7.3.2", null, pki.StrangerCertPath, pki.StrangerKeyPath);
        return pki;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static X509Certificate2 CreateCa(string subject)
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(60));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, string usage, X509Extension? san, string certPath, string keyPath)
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (san is not null)
        {
            request.CertificateExtensions.Add(san);
        }

        // A positive serial: OpenSSL (dcmtk) is strict about negative ones.
        byte[] serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using X509Certificate2 issued = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), serial);
        File.WriteAllText(certPath, issued.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return issued.CopyWithPrivateKey(key);
    }
}
