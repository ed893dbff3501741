using ImageQuality.Analysis.Mammography.Positioning;
using ImageQuality.Cli.Serve;
using ImageQuality.Dicom;
using ImageQuality.Dicom.Network.Association;
using Microsoft.Extensions.Configuration;

namespace ImageQuality.Cli.Tests;

/// <summary>Layering of <c>iq serve</c> settings: flags over IQ_ environment variables over --config over appsettings.json.</summary>
public sealed class ServeSettingsTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("iq-settings-").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        Environment.SetEnvironmentVariable("IQ_Listener__MaxAssociations", null);
        Environment.SetEnvironmentVariable("IQ_Listener__AeTitle", null);
        Environment.SetEnvironmentVariable("IQ_Listener__Tls__PrivateKeyPath", null);
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void The_sample_appsettings_json_gives_the_defaults()
    {
        File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Should().BeTrue("the sample file is copied beside the binary");
        ServeSettings settings = ServeSettings.Load(null, null, null, null);
        var defaults = new DicomListenerOptions();
        settings.Listener.Should().BeEquivalentTo(defaults);
        settings.DataDirectory.Should().Be(Path.GetFullPath("data"));
        settings.ShutdownTimeout.Should().Be(TimeSpan.FromSeconds(30));
        settings.Configuration.GetSection("Mammography:Positioning").Get<PositioningOptions>().Should().BeEquivalentTo(new PositioningOptions(), "the sample file documents the positioning thresholds with their defaults");
    }

    [Test]
    public void Flags_beat_environment_which_beats_the_config_file()
    {
        string config = Write("""
            {
              "Listener": { "AeTitle": "FILE", "Port": 4242, "MaxAssociations": 3, "IdleTimeout": "00:00:05",
                            "AcceptedTransferSyntaxes": [ "1.2.840.10008.1.2" ] },
              "Storage": { "DataDirectory": "from-file" },
              "Serve": { "ShutdownTimeout": "00:00:02" }
            }
            """);
        Environment.SetEnvironmentVariable("IQ_Listener__MaxAssociations", "7");
        Environment.SetEnvironmentVariable("IQ_Listener__AeTitle", "ENV");

        ServeSettings settings = ServeSettings.Load(config, null, "FLAG", null);

        settings.Listener.AeTitle.Should().Be("FLAG");
        settings.Listener.MaxAssociations.Should().Be(7);
        settings.Listener.Port.Should().Be(4242);
        settings.Listener.IdleTimeout.Should().Be(TimeSpan.FromSeconds(5));
        settings.Listener.AcceptedTransferSyntaxes.Should().Equal(DicomUids.ImplicitVRLittleEndian);
        settings.DataDirectory.Should().Be(Path.GetFullPath("from-file"));
        settings.ShutdownTimeout.Should().Be(TimeSpan.FromSeconds(2));

        ServeSettings.Load(config, 11113, null, Path.Combine(_folder, "d")).Listener.Port.Should().Be(11113);
    }

    [Test]
    public void Unknown_or_invalid_settings_are_refused_with_their_name()
    {
        string unknown = Write("""{ "Listener": { "MaxAssociatons": 3 } }""");
        FluentActions.Invoking(() => ServeSettings.Load(unknown, null, null, null)).Should().Throw<InvalidOperationException>().WithMessage("*MaxAssociatons*");

        string invalid = Write("""{ "Listener": { "AeTitle": "THIS TITLE IS FAR TOO LONG" } }""");
        FluentActions.Invoking(() => ServeSettings.Load(invalid, null, null, null)).Should().Throw<ArgumentException>().WithMessage("*AeTitle*");

        (int code, _, string error) = CliRunner.Run("serve", "--config", Path.Combine(_folder, "absent.json"));
        code.Should().Be(ExitCodes.UsageError);
        error.Should().Contain("bad settings").And.Contain("absent.json");
    }

    [Test]
    public void Listener_Tls_binds_from_the_file_and_the_environment_and_the_tls_flags_win()
    {
        // Validation only asks that the files exist; what they hold is read when the listener starts.
        string cert = Write("certificate");
        string key = Write("key");
        string clients = Write("clients");
        string config = Write($$"""
            { "Listener": { "Tls": { "Port": 2763, "CertificatePath": "{{cert}}", "RequireClientCertificate": true,
                                     "TrustedClientCertificatesPath": "{{clients}}", "CertificatePassword": "secret" } } }
            """);
        Environment.SetEnvironmentVariable("IQ_Listener__Tls__PrivateKeyPath", key);

        DicomTlsOptions tls = ServeSettings.Load(config, null, null, null).Listener.Tls!;

        tls.Should().BeEquivalentTo(new DicomTlsOptions
        {
            Port = 2763,
            CertificatePath = cert,
            PrivateKeyPath = key,
            CertificatePassword = "secret",
            RequireClientCertificate = true,
            TrustedClientCertificatesPath = clients,
        });
        string otherCert = Write("other certificate");
        tls = ServeSettings.Load(config, null, null, null, tls: new ServeTlsFlags(0, otherCert, null)).Listener.Tls!;
        tls.Port.Should().Be(0);
        tls.CertificatePath.Should().Be(otherCert);
        tls.PrivateKeyPath.Should().Be(key);

        ServeSettings.Load(null, null, null, null, tls: new ServeTlsFlags(null, cert, key)).Listener.Tls!.Port.Should().Be(DicomTlsOptions.DefaultPort);
        FluentActions.Invoking(() => ServeSettings.Load(null, null, null, null, tls: new ServeTlsFlags(2762, null, null)))
            .Should().Throw<ArgumentException>().WithMessage("DICOM TLS needs the server certificate*");
    }

    private string Write(string json)
    {
        string path = Path.Combine(_folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
