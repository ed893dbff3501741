using ImageQuality.Dicom.Imaging.Pipeline;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ImageQuality.Dicom.Imaging.Rendering;

/// <summary>Renders a frame for people: the grayscale pipeline or colour conversion, then optional downscaling.</summary>
public static class DicomRenderer
{
    public static Image Render(DicomFile file, RenderOptions? options = null) => Render(file.Dataset, file.TransferSyntax, options);

    public static Image Render(DicomDataset dataset, TransferSyntax syntax, RenderOptions? options = null)
    {
        options ??= RenderOptions.Default;
        var pixels = DicomPixelData.Create(dataset, syntax);
        PixelFrame frame = pixels.DecodeFrame(options.Frame);
        Image image = IsGrayscale(frame.Description)
            ? Image.LoadPixelData<L8>(GrayscalePipeline.Create(dataset, frame, options.Grayscale).Render(frame), frame.Width, frame.Height)
            : Image.LoadPixelData<Rgb24>(ColorConverter.ToRgb24(dataset, frame), frame.Width, frame.Height);
        if (options.MaxSize is { } max && Math.Max(image.Width, image.Height) > max)
        {
            double scale = max / (double)Math.Max(image.Width, image.Height);
            int width = Math.Max(1, (int)Math.Round(image.Width * scale));
            int height = Math.Max(1, (int)Math.Round(image.Height * scale));

            // Box averaging keeps fine structure (calcifications, skin line) honest when shrinking several times.
            image.Mutate(x => x.Resize(width, height, KnownResamplers.Box));
        }

        return image;
    }

    public static bool IsGrayscale(PixelDataDescription d) =>
        d.SamplesPerPixel == 1 && !d.PhotometricInterpretation.Equals("PALETTE COLOR", StringComparison.OrdinalIgnoreCase);
}
