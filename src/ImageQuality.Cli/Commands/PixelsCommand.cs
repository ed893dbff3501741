using System.CommandLine;
using System.Globalization;
using ImageQuality.Dicom;
using ImageQuality.Dicom.Imaging;
using ImageQuality.Dicom.Imaging.Pipeline;
using ImageQuality.Dicom.IO;

namespace ImageQuality.Cli.Commands;

/// <summary><c>iq pixels &lt;file&gt; --stats | --raw out.bin</c>: decoded values, for checking against other tools.</summary>
internal static class PixelsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "The DICOM file to decode." };
        var stats = new Option<bool>("--stats") { Description = "Print min, max and mean of stored and modality values per frame." };
        var raw = new Option<FileInfo?>("--raw") { Description = "Write the frame's stored values exactly as native little endian Pixel Data holds them (compare with dcmdjpeg + dcmdump +W)." };
        var frame = new Option<int?>("--frame") { Description = "Frame number, from 1 (default: all frames for --stats, the first for --raw)." };
        var command = new Command("pixels", "Decode pixel data: statistics per frame, or the raw decoded frame.\nExit code 0 on success, 1 when the pixels cannot be decoded, 2 on usage errors.")
        {
            file, stats, raw, frame,
        };
        command.SetAction(parse =>
        {
            FileInfo input = parse.GetValue(file)!;
            FileInfo? rawPath = parse.GetValue(raw);
            if (!parse.GetValue(stats) && rawPath is null)
            {
                error.WriteLine("iq pixels: say what to print: --stats or --raw FILE");
                return ExitCodes.UsageError;
            }

            if (!input.Exists)
            {
                error.WriteLine($"iq pixels: {input}: no such file");
                return ExitCodes.UsageError;
            }

            try
            {
                DicomFile dicom = DicomFile.Open(input.FullName);
                var pixels = DicomPixelData.Create(dicom);
                int? only = parse.GetValue(frame) - 1;
                if (rawPath is not null)
                {
                    PixelFrame decoded = pixels.DecodeFrame(only ?? 0);
                    File.WriteAllBytes(rawPath.FullName, decoded.Data);
                    output.WriteLine($"{rawPath.FullName}: frame {(only ?? 0) + 1}, {decoded.Data.Length} bytes, {decoded.Description.Columns}x{decoded.Description.Rows}, {decoded.Description.BitsAllocated} bits allocated, {decoded.Description.PhotometricInterpretation}");
                }

                if (parse.GetValue(stats))
                {
                    PrintStats(output, dicom.Dataset, pixels, only);
                }

                return ExitCodes.Success;
            }
            catch (Exception e) when (e is DicomFormatException or DicomPixelDataException or ArgumentOutOfRangeException or IOException)
            {
                error.WriteLine($"iq pixels: {input.Name}: {e.Message}");
                return ExitCodes.Findings;
            }
        });
        return command;
    }

    private static void PrintStats(TextWriter output, DicomDataset dataset, DicomPixelData pixels, int? only)
    {
        PixelDataDescription d = pixels.Description;
        output.WriteLine($"{d.Columns}x{d.Rows}, {pixels.FrameCount} frame(s), {d.SamplesPerPixel} sample(s), {d.BitsAllocated}/{d.BitsStored} bits, {(d.IsSigned ? "signed" : "unsigned")}, {d.PhotometricInterpretation}, {pixels.TransferSyntax.Name}");
        output.WriteLine("frame  sample  stored min  stored max  stored mean  modality min  modality max  modality mean");
        int first = only ?? 0;
        int last = only ?? (pixels.FrameCount - 1);
        for (int f = first; f <= last; f++)
        {
            PixelFrame decoded = pixels.DecodeFrame(f);
            ModalityLut modality = ModalityLut.FromDataset(dataset, decoded.Description);
            for (int s = 0; s < decoded.Description.SamplesPerPixel && !decoded.Description.IsYbr422; s++)
            {
                int[] values = StoredValues.Extract(decoded, s);
                long sum = 0;
                int min = int.MaxValue;
                int max = int.MinValue;
                double mSum = 0;
                double mMin = double.MaxValue;
                double mMax = double.MinValue;
                foreach (int v in values)
                {
                    sum += v;
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                    double m = modality.Apply(v);
                    mSum += m;
                    mMin = Math.Min(mMin, m);
                    mMax = Math.Max(mMax, m);
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{f + 1,5}  {s,6}  {min,10}  {max,10}  {sum / (double)values.Length,11:F3}  {mMin,12:G6}  {mMax,12:G6}  {mSum / values.Length,13:G6}"));
            }
        }
    }
}
