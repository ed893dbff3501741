using System.CommandLine;
using System.Globalization;
using ImageQuality.Samples.Mammography;

namespace ImageQuality.Cli.Commands;

/// <summary><c>iq samples mammo</c>: synthetic screening exams with exact ground truth, for demonstrations and tests.</summary>
internal static class SamplesCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("samples", "Write generated example data with exact ground truth.");
        command.Subcommands.Add(Mammo(output, error));
        return command;
    }

    private static Command Mammo(TextWriter output, TextWriter error)
    {
        var exams = new Option<int>("--exams", "-n") { Description = "How many four-view exams (R CC, L CC, R MLO, L MLO) to write.", DefaultValueFactory = _ => 4 };
        var outFolder = new Option<DirectoryInfo>("--out", "-o") { Description = "The folder to write into (one sub-folder per exam); created if missing.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed writes the same files, UIDs included.", DefaultValueFactory = _ => 1 };
        var faultRate = new Option<double>("--fault-rate") { Description = "Share of images with a positioning fault (0-1); each faulty image gets one (sometimes two) of the faults its view can have.", DefaultValueFactory = _ => 0.2 };
        var command = new Command(
            "mammo",
            "Write synthetic four-view screening mammography exams as DICOM (Digital Mammography X-Ray Image Storage - For Presentation,\n"
            + "explicit VR little endian, full detector resolution) with each image's ground truth beside it as <file>.truth.json\n"
            + "(breast, pectoral and abdomen outlines, pectoral edge, nipple, faults and the positioning measures they imply; see\n"
            + "src/ImageQuality.Samples/README.md). Units of GE-, Hologic-, Siemens- and Fuji-like styles, several technologists.\n"
            + "Faults: pectoral-short, pectoral-concave, pectoral-narrow, imf-not-shown (MLO); cc-exaggerated (CC);\n"
            + "nipple-not-in-profile, cut-off (both views).\n"
            + "Exit code 0 on success, 1 when a file cannot be written, 2 on usage errors.")
        {
            exams, outFolder, seed, faultRate,
        };
        command.SetAction(parse =>
        {
            int count = parse.GetValue(exams);
            double rate = parse.GetValue(faultRate);
            DirectoryInfo target = parse.GetValue(outFolder)!;
            if (count < 1 || count > 100_000)
            {
                error.WriteLine("iq samples mammo: --exams must be between 1 and 100000");
                return ExitCodes.UsageError;
            }

            if (rate is < 0 or > 1 || double.IsNaN(rate))
            {
                error.WriteLine("iq samples mammo: --fault-rate must be between 0 and 1, e.g. 0.2");
                return ExitCodes.UsageError;
            }

            var bar = new CountProgress(error, "iq samples mammo", !Console.IsErrorRedirected);
            int images = 0;
            try
            {
                Directory.CreateDirectory(target.FullName);
                for (int exam = 1; exam <= count; exam++)
                {
                    images += SyntheticExamWriter.WriteExam(target.FullName, exam, parse.GetValue(seed), rate).Count;
                    bar.Draw(images, count * 4, string.Create(CultureInfo.InvariantCulture, $"exam {exam} of {count}"));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                bar.Finish();
                error.WriteLine($"iq samples mammo: {e.Message}");
                return ExitCodes.Findings;
            }

            bar.Finish();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} exams, {images} images with their .truth.json, in {target.FullName}"));
            return ExitCodes.Success;
        });
        return command;
    }
}
