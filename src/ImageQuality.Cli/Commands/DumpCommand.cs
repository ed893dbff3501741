using System.CommandLine;
using ImageQuality.Dicom;
using ImageQuality.Dicom.Formatting;
using ImageQuality.Dicom.IO;

namespace ImageQuality.Cli.Commands;

/// <summary><c>iq dump &lt;file&gt;…</c>: every element of each file, as text close to dcmdump's or as DICOM JSON.</summary>
internal static class DumpCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<FileInfo[]>("files")
        {
            Description = "DICOM files to print (Part 10 files, or bare data sets without meta information).",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print the DICOM JSON model (PS3.18 F.2) instead of text." };
        var full = new Option<bool>("--full") { Description = "Print long values whole instead of cutting them at 64 characters." };
        var headerOnly = new Option<bool>("--header-only") { Description = "Stop before Pixel Data (fast on large files)." };
        var command = new Command("dump", "Print the elements of DICOM files, meta information included.\nExit code 0 when every file was read, 1 when some could not be, 2 on usage errors.")
        {
            files, json, full, headerOnly,
        };
        command.SetAction(parse =>
        {
            FileInfo[] paths = parse.GetValue(files) ?? [];
            var options = new DicomReadOptions { StopBeforePixelData = parse.GetValue(headerOnly) };
            var dump = new DicomTextDump { MaxValueLength = parse.GetValue(full) ? 0 : 64 };
            bool asJson = parse.GetValue(json);
            int failures = 0;
            int missing = 0;
            if (asJson && paths.Length > 1)
            {
                output.WriteLine("[");
            }

            for (int i = 0; i < paths.Length; i++)
            {
                FileInfo path = paths[i];
                if (!path.Exists)
                {
                    error.WriteLine($"iq dump: {path}: no such file");
                    missing++;
                    continue;
                }

                DicomFile file;
                try
                {
                    file = DicomFile.Open(path.FullName, options);
                }
                catch (DicomFormatException e)
                {
                    error.WriteLine($"iq dump: {e.Message}");
                    failures++;
                    continue;
                }
                catch (IOException e)
                {
                    error.WriteLine($"iq dump: {path}: {e.Message}");
                    failures++;
                    continue;
                }

                if (asJson)
                {
                    DicomJsonWriter.Write(output, file.Dataset, indented: true);
                    output.WriteLine(paths.Length > 1 && i < paths.Length - 1 ? "," : string.Empty);
                    continue;
                }

                if (paths.Length > 1)
                {
                    output.WriteLine($"# {path}");
                }

                dump.Write(output, file);
                foreach (string warning in file.Warnings)
                {
                    error.WriteLine($"iq dump: {path.Name}: warning: {warning}");
                }
            }

            if (asJson && paths.Length > 1)
            {
                output.WriteLine("]");
            }

            return missing == paths.Length ? ExitCodes.UsageError
                : failures + missing > 0 ? ExitCodes.Findings
                : ExitCodes.Success;
        });
        return command;
    }
}
