using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ImageQuality.Cli.Network;
using ImageQuality.Dicom.Network.Client;
using ImageQuality.Dicom.Network.Dimse;

namespace ImageQuality.Cli.Commands;

/// <summary><c>iq echo &lt;host&gt; &lt;port&gt;</c>: one association, one C-ECHO (Verification), release.</summary>
internal static class EchoCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var peer = new PeerOptions();
        var command = new Command("echo", "Check that a DICOM peer answers C-ECHO (Verification).\nExit code 0 when it answers success, 1 when it answers another status or cannot be reached or refuses, 2 on usage errors.");
        peer.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            (DicomClientOptions? options, string? problem) = peer.Read(parse);
            if (options is null)
            {
                error.WriteLine($"iq echo: {problem}");
                return ExitCodes.UsageError;
            }

            PeerOptions.WarnIfUnauthenticated(options, "echo", error);
            string host = parse.GetValue(peer.Host)!;
            int port = parse.GetValue(peer.Port);
            var clock = Stopwatch.StartNew();
            DicomStatus status;
            try
            {
                status = await new DicomClient(host, port, options).EchoAsync(cancellation).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
            {
                error.WriteLine($"iq echo: {options.CalledAeTitle}@{host}:{port}: {NetworkErrors.Describe(e)}");
                return ExitCodes.Findings;
            }

            double ms = clock.Elapsed.TotalMilliseconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"C-ECHO {options.CalledAeTitle}@{host}:{port}: {status} in {ms:0.0} ms"));
            return status.IsSuccess ? ExitCodes.Success : ExitCodes.Findings;
        });
        return command;
    }
}
