using System.CommandLine;
using ImageQuality.Dicom.Network.Client;

namespace ImageQuality.Cli.Network;

/// <summary>The arguments and options every SCU verb shares: where the peer is, who we say we are, and whom we call.</summary>
internal sealed class PeerOptions
{
    public Argument<string> Host { get; } = new("host") { Description = "Host name or IP address of the peer." };

    public Argument<int> Port { get; } = new("port") { Description = "TCP port of the peer (e.g. 104, 11112)." };

    public Option<string> CalledAe { get; } = new("--called-ae", "-aec") { Description = "AE title of the peer.", DefaultValueFactory = _ => "ANY-SCP" };

    public Option<string> CallingAe { get; } = new("--calling-ae", "-aet") { Description = "Our AE title.", DefaultValueFactory = _ => "IQ-SCU" };

    public Option<double> Timeout { get; } = new("--timeout") { Description = "Seconds to wait for connecting and for each answer of the peer.", DefaultValueFactory = _ => 30 };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Host);
        command.Arguments.Add(Port);
        command.Options.Add(CalledAe);
        command.Options.Add(CallingAe);
        command.Options.Add(Timeout);
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

        var timeout = TimeSpan.FromSeconds(seconds);
        return (new DicomClientOptions
        {
            CalledAeTitle = called,
            CallingAeTitle = calling,
            ConnectTimeout = timeout,
            AcseTimeout = timeout,
            DimseTimeout = timeout,
        }, null);
    }
}
