using System.CommandLine;

namespace MammoDataset;

/// <summary><c>MammoDataset synth | annotated</c>: training folders for the landmark model.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("Exports landmark-model training data (inputs.u8, labels.u8, meta.jsonl) through the same preprocessing as inference.")
        {
            SynthVerb.Create(),
            AnnotatedVerb.Create(),
        };
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors)
            {
                Console.Error.WriteLine($"MammoDataset: {e.Message}");
            }

            return 2;
        }

        return parsed.Invoke();
    }
}
