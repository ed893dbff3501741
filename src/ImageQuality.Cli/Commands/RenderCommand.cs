using System.CommandLine;
using System.Globalization;
using ImageQuality.Dicom;
using ImageQuality.Dicom.Imaging;
using ImageQuality.Dicom.Imaging.Pipeline;
using ImageQuality.Dicom.Imaging.Rendering;
using ImageQuality.Dicom.IO;
using SixLabors.ImageSharp;

namespace ImageQuality.Cli.Commands;

/// <summary><c>iq render &lt;file&gt; --out x.png</c>: one frame through the display pipeline to PNG or JPEG.</summary>
internal static class RenderCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "The DICOM file to render." };
        var outPath = new Option<FileInfo>("--out", "-o") { Description = "Where to write the picture: .png or .jpg.", Required = true };
        var frame = new Option<int>("--frame") { Description = "Frame number, from 1.", DefaultValueFactory = _ => 1 };
        var size = new Option<int?>("--size") { Description = "Downscale so the longer side is at most this many pixels (e.g. 1024)." };
        var window = new Option<string?>("--window") { Description = "Window as CENTER,WIDTH instead of the file's." };
        var voiLut = new Option<int?>("--voi-lut") { Description = "Use the n-th (from 1) table of the VOI LUT Sequence." };
        var windowIndex = new Option<int?>("--window-index") { Description = "Use the n-th (from 1) window of the file." };
        var minMax = new Option<bool>("--minmax") { Description = "Stretch the frame's own value range, ignoring the file's windows." };
        var command = new Command("render", "Render a frame through the grayscale or colour pipeline to a PNG or JPEG.\nBy default the file's first window is used, else its first VOI LUT, else the frame's value range.\nExit code 0 on success, 1 when the pixels cannot be decoded, 2 on usage errors.")
        {
            file, outPath, frame, size, window, voiLut, windowIndex, minMax,
        };
        command.SetAction(parse =>
        {
            FileInfo input = parse.GetValue(file)!;
            FileInfo target = parse.GetValue(outPath)!;
            if (!input.Exists)
            {
                error.WriteLine($"iq render: {input}: no such file");
                return ExitCodes.UsageError;
            }

            var grayscale = new GrayscaleRenderOptions
            {
                MinMax = parse.GetValue(minMax),
                VoiLutIndex = parse.GetValue(voiLut) - 1,
                WindowIndex = parse.GetValue(windowIndex) - 1,
            };
            if (parse.GetValue(window) is { } w)
            {
                string[] parts = w.Split(',');
                if (parts.Length != 2
                    || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double c)
                    || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double wd) || wd <= 0)
                {
                    error.WriteLine("iq render: --window must be CENTER,WIDTH with a positive width, e.g. --window 2047,4096");
                    return ExitCodes.UsageError;
                }

                grayscale = grayscale with { Window = new WindowLevel(c, wd) };
            }

            try
            {
                DicomFile dicom = DicomFile.Open(input.FullName);
                using Image image = DicomRenderer.Render(dicom, new RenderOptions { Frame = parse.GetValue(frame) - 1, MaxSize = parse.GetValue(size), Grayscale = grayscale });
                string extension = target.Extension.ToLowerInvariant();
                if (extension is ".jpg" or ".jpeg")
                {
                    image.SaveAsJpeg(target.FullName);
                }
                else
                {
                    image.SaveAsPng(target.FullName);
                }

                output.WriteLine($"{target.FullName}: {image.Width}x{image.Height}");
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is DicomFormatException or DicomPixelDataException or ArgumentOutOfRangeException or IOException)
            {
                error.WriteLine($"iq render: {input.Name}: {e.Message}");
                return ExitCodes.Findings;
            }
        });
        return command;
    }
}
