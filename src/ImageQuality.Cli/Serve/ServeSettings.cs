using ImageQuality.Dicom.Network.Association;
using Microsoft.Extensions.Configuration;

namespace ImageQuality.Cli.Serve;

/// <summary>
/// Settings of <c>iq serve</c>, layered so that the most specific wins: flags, then environment variables (prefix
/// <c>IQ_</c>, sections joined by a double underscore: <c>IQ_Listener__Port</c>), then the file given with
/// <c>--config</c>, then <c>appsettings.json</c> next to the binary, then the defaults of the option classes.
/// </summary>
internal sealed class ServeSettings
{
    public const string EnvironmentPrefix = "IQ_";

    private ServeSettings(IConfiguration configuration, DicomListenerOptions listener, string dataDirectory, TimeSpan shutdownTimeout)
    {
        Configuration = configuration;
        Listener = listener;
        DataDirectory = dataDirectory;
        ShutdownTimeout = shutdownTimeout;
    }

    public IConfiguration Configuration { get; }

    /// <summary>Section <c>Listener</c>.</summary>
    public DicomListenerOptions Listener { get; }

    /// <summary><c>Storage:DataDirectory</c>, absolute; relative values are taken from the working directory.</summary>
    public string DataDirectory { get; }

    /// <summary><c>Serve:ShutdownTimeout</c>: how long running associations may go on after SIGTERM or Ctrl+C.</summary>
    public TimeSpan ShutdownTimeout { get; }

    /// <summary>Throws <see cref="ArgumentException"/> or <see cref="InvalidOperationException"/> naming what is wrong.</summary>
    public static ServeSettings Load(string? configFile, int? port, string? aeTitle, string? dataDirectory, int? httpPort = null, string? database = null, ServeTlsFlags? tls = null)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        if (configFile is not null)
        {
            string full = Path.GetFullPath(configFile);
            if (!File.Exists(full))
            {
                throw new ArgumentException($"--config {configFile}: no such file");
            }

            builder.AddJsonFile(full, optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        var flags = new Dictionary<string, string?>();
        if (port is { } p)
        {
            flags["Listener:Port"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (aeTitle is not null)
        {
            flags["Listener:AeTitle"] = aeTitle;
        }

        if (dataDirectory is not null)
        {
            flags["Storage:DataDirectory"] = dataDirectory;
        }

        if (httpPort is { } h)
        {
            flags["Service:HttpPort"] = h.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (database is not null)
        {
            flags["Service:Database"] = database;
        }

        if (tls?.Port is { } t)
        {
            flags["Listener:Tls:Port"] = t.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (tls?.CertificatePath is not null)
        {
            flags["Listener:Tls:CertificatePath"] = tls.CertificatePath;
        }

        if (tls?.PrivateKeyPath is not null)
        {
            flags["Listener:Tls:PrivateKeyPath"] = tls.PrivateKeyPath;
        }

        IConfiguration configuration = builder.AddInMemoryCollection(flags).Build();
        var listener = new DicomListenerOptions();
        IConfigurationSection section = configuration.GetSection("Listener");
        section.Bind(listener, o => o.ErrorOnUnknownConfiguration = true);

        // The binder appends to a list that already has items; a configured list replaces the default one.
        if (section.GetSection(nameof(DicomListenerOptions.AcceptedTransferSyntaxes)).Exists())
        {
            listener.AcceptedTransferSyntaxes = section.GetSection(nameof(DicomListenerOptions.AcceptedTransferSyntaxes)).Get<List<string>>() ?? [];
        }

        // Any Listener:Tls key makes the binder create the section, which turns TLS on: say what is missing in the
        // words of the flags, rather than leave it to the generic "Tls.CertificatePath is required".
        if (listener.Tls is { } configuredTls && string.IsNullOrEmpty(configuredTls.CertificatePath))
        {
            throw new ArgumentException("DICOM TLS needs the server certificate: --tls-cert or Listener:Tls:CertificatePath (--tls-port, --tls-key and the other Listener:Tls settings do nothing without it)");
        }

        listener.Validate();
        string data = configuration["Storage:DataDirectory"] is { Length: > 0 } d ? d : "data";
        TimeSpan shutdown = configuration.GetValue("Serve:ShutdownTimeout", TimeSpan.FromSeconds(30));
        if (shutdown < TimeSpan.Zero)
        {
            throw new ArgumentException("Serve:ShutdownTimeout must not be negative");
        }

        return new ServeSettings(configuration, listener, Path.GetFullPath(data), shutdown);
    }
}
