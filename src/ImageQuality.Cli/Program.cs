using System.CommandLine;
using ImageQuality.Cli.Commands;

namespace ImageQuality.Cli;

internal static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    internal static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("ImageQuality: DICOM image quality for breast imaging and prostate MR.")
        {
            DumpCommand.Create(output, error),
            RenderCommand.Create(output, error),
            PixelsCommand.Create(output, error),
            EchoCommand.Create(output, error),
            SendCommand.Create(output, error),
            ServeCommand.Create(output, error),
            ImportCommand.Create(output, error),
            ReanalyzeCommand.Create(output, error),
            AnalyzeCommand.Create(output, error),
            SamplesCommand.Create(output, error),
        };

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError e in parsed.Errors)
            {
                error.WriteLine($"iq: {e.Message}");
            }

            error.WriteLine("Run 'iq --help' or 'iq <verb> --help' for usage.");
            return ExitCodes.UsageError;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
