using System.CommandLine;
using ImageQuality.Cli.Network;
using ImageQuality.Dicom.Network.Client;

namespace ImageQuality.Cli.Commands;

/// <summary>
/// <c>iq send &lt;host&gt; &lt;port&gt; &lt;files or folders&gt;…</c>: C-STORE SCU with several instances per association,
/// retries of transient failures, progress on stderr and a summary of statuses on stdout.
/// </summary>
internal static class SendCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var peer = new PeerOptions();
        var paths = new Argument<string[]>("paths") { Description = "DICOM files and folders (walked recursively; non-DICOM files are counted and skipped).", Arity = ArgumentArity.OneOrMore };
        var syntax = new Option<string>("--transfer-syntax", "-ts")
        {
            Description = "as-is (default: each file in its own syntax, native files may fall back to explicit/implicit VR LE), explicit-le or implicit-le (native files re-encoded; compressed files are refused, no decompression on sending).",
            DefaultValueFactory = _ => "as-is",
        };
        var batch = new Option<int>("--batch") { Description = "Instances per association.", DefaultValueFactory = _ => 100 };
        var retries = new Option<int>("--retries") { Description = "Retries of a batch after a transient failure (refused, reset, transient rejection, A-ABORT, timeout).", DefaultValueFactory = _ => 3 };
        var retryDelay = new Option<double>("--retry-delay") { Description = "Seconds before the first retry; doubles each time, with jitter.", DefaultValueFactory = _ => 1 };
        var command = new Command("send", "Send DICOM files to a peer with C-STORE.\nExit code 0 when every instance was stored (success or warning), 1 when any failed or was not sent, 2 on usage errors.");
        peer.AddTo(command);
        command.Arguments.Add(paths);
        foreach (Option option in new Option[] { syntax, batch, retries, retryDelay })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellation) =>
        {
            (DicomClientOptions? options, string? problem) = peer.Read(parse);
            if (options is null || !TransferSyntaxChoice.TryParse(parse.GetValue(syntax) ?? "as-is", out TransferSyntaxChoice choice, out problem)
                || !Check(parse.GetValue(batch) is >= 1 and <= 100_000, "--batch must be 1 to 100000", ref problem)
                || !Check(parse.GetValue(retries) is >= 0 and <= 100, "--retries must be 0 to 100", ref problem)
                || !Check(parse.GetValue(retryDelay) is >= 0 and <= 3600, "--retry-delay must be 0 to 3600 seconds", ref problem))
            {
                error.WriteLine($"iq send: {problem}");
                return ExitCodes.UsageError;
            }

            PeerOptions.WarnIfUnauthenticated(options, "send", error);
            SendSource source = SendSource.Scan(parse.GetValue(paths) ?? []);
            foreach (string missing in source.Missing)
            {
                error.WriteLine($"iq send: {missing}: no such file or folder");
            }

            if (source.Skipped.Count > 0)
            {
                error.WriteLine($"iq send: skipped {source.Skipped.Count} non-DICOM file(s), e.g. {source.Skipped[0].Path}: {source.Skipped[0].Why}");
            }

            if (source.Items.Count == 0)
            {
                error.WriteLine("iq send: no DICOM files to send");
                return ExitCodes.UsageError;
            }

            var outcomes = new List<SendOutcome>(source.Items.Count);
            var sendable = new List<SendItem>(source.Items.Count);
            foreach (SendItem item in source.Items)
            {
                if (choice.Refusal(item) is { } refusal)
                {
                    outcomes.Add(new SendOutcome(item, null, null, $"refused: {refusal}"));
                }
                else
                {
                    sendable.Add(item);
                }
            }

            string host = parse.GetValue(peer.Host)!;
            int port = parse.GetValue(peer.Port);
            bool terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
            var progress = new SendProgress(error, terminal, sendable.Count, sendable.Sum(i => i.Bytes));
            var session = new StoreSession(
                new DicomClient(host, port, options), choice, parse.GetValue(batch), parse.GetValue(retries), TimeSpan.FromSeconds(parse.GetValue(retryDelay)),
                message => error.WriteLine($"{(terminal ? "\n" : string.Empty)}iq send: {options.CalledAeTitle}@{host}:{port}: {message}"),
                cancellation);
            await session.SendAsync(
                sendable,
                outcome =>
                {
                    outcomes.Add(outcome);
                    progress.Advance(outcome.Item.Bytes);
                },
                cancellation).ConfigureAwait(false);
            progress.Finish();
            SendSummary.Write(output, outcomes, progress.Elapsed);
            return outcomes.All(o => o.Succeeded) && source.Missing.Count == 0 ? ExitCodes.Success : ExitCodes.Findings;
        });
        return command;
    }

    private static bool Check(bool ok, string message, ref string? problem)
    {
        if (!ok)
        {
            problem = message;
        }

        return ok;
    }
}
