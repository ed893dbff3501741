using ImageQuality.Dicom.Imaging.Pipeline;

namespace ImageQuality.Dicom.Imaging.Rendering;

/// <summary>What to render and how large.</summary>
public sealed record RenderOptions
{
    public static RenderOptions Default { get; } = new();

    public int Frame { get; init; }

    /// <summary>Downscale so that the longer side is at most this many pixels (never upscales); null keeps full size.</summary>
    public int? MaxSize { get; init; }

    public GrayscaleRenderOptions Grayscale { get; init; } = GrayscaleRenderOptions.Default;
}
