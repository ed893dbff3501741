using System.CommandLine;
using ImageQuality.Dicom.Network.Client;

namespace ImageQuality.Cli.Network;

/// <summary>The arguments and options every SCU verb shares: where the peer is, who we say we are, whom we call, and over what (plain TCP or DICOM TLS).</summary>
internal sealed class PeerOptions
{
    public Argument<string> Host { get; } = new("host") { Description = "Host name or IP address of the peer." };

    public Argument<int> Port { get; } = new("port") { Description = "TCP port of the peer (e.g. 104, 11112)." };

    public Option<string> CalledAe { get; } = new("--called-ae", "-aec") { Description = "AE title of the peer.", DefaultValueFactory = _ => "ANY-SCP" };

    public Option<string> CallingAe { get; } = new("--calling-ae", "-aet") { Description = "Our AE title.", DefaultValueFactory = _ => "IQ-SCU" };

    public Option<double> Timeout { get; } = new("--timeout") { Description = "Seconds to wait for connecting and for each answer of the peer.", DefaultValueFactory = _ => 30 };

    public ClientTlsFlags Tls { get; } = new();

    public void AddTo(Command command)
    {
        command.Arguments.Add(Host);
        command.Arguments.Add(Port);
        command.Options.Add(CalledAe);
        command.Options.Add(CallingAe);
        command.Options.Add(Timeout);
        Tls.AddTo(command);
    }

    /// <summary>The client settings, or a message saying which value is unusable.</summary>
    public (DicomClientOptions? Options, string? Error) Read(ParseResult parse)
    {
        int port = parse.GetValue(Port);
        if (port is < 1 or > 65535)
        {
            return (null, $"port {port} is out of range (1 to 65535)");
        }

        double seconds = parse.GetValue(Timeout);
        if (!(seconds > 0) || seconds > 86400)
        {
            return (null, $"--timeout {seconds} must be more than 0 and at most 86400 seconds");
        }

        string called = parse.GetValue(CalledAe) ?? string.Empty;
        string calling = parse.GetValue(CallingAe) ?? string.Empty;
        foreach ((string title, string name) in new[] { (called, "--called-ae"), (calling, "--calling-ae") })
        {
            if (title.Trim().Length is 0 or > 16 || title.Any(c => c is '\\' or < ' ' or > '~'))
            {
                return (null, $"{name} '{title}' is not an AE title (1 to 16 characters of the default repertoire, no backslash)");
            }
        }

        (DicomClientTlsOptions? tls, string? tlsProblem) = Tls.Read(parse);
        if (tlsProblem is not null)
        {
            return (null, tlsProblem);
        }

        var timeout = TimeSpan.FromSeconds(seconds);
        return (new DicomClientOptions
        {
            CalledAeTitle = called,
            CallingAeTitle = calling,
            ConnectTimeout = timeout,
            AcseTimeout = timeout,
            DimseTimeout = timeout,
            Tls = tls,
        }, null);
    }

    /// <summary>One line on stderr when the peer will not be authenticated, so that it is never so by accident.</summary>
    public static void WarnIfUnauthenticated(DicomClientOptions options, string verb, TextWriter error)
    {
        if (options.Tls is { AllowUntrustedServer: true })
        {
            error.WriteLine($"iq {verb}: warning: --tls-insecure: any server certificate is accepted; the connection is encrypted but the peer is not authenticated (testing only)");
        }
    }
}
