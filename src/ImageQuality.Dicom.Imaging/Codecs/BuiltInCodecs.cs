using ImageQuality.Dicom.Imaging.Codecs.Jpeg2000;
using ImageQuality.Dicom.Imaging.Codecs.JpegLs;

namespace ImageQuality.Dicom.Imaging.Codecs;

/// <summary>Registers the codecs that ship with the toolkit; called once from <see cref="DicomPixelData"/>.</summary>
internal static class BuiltInCodecs
{
    private static int _registered;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        FrameCodecRegistry.Register(new RleCodec());
        FrameCodecRegistry.Register(new Jpeg.JpegCodec());
        FrameCodecRegistry.Register(new DeflatedFrameCodec());

        // Native codecs register even where their library is missing, so the reason can be reported.
        FrameCodecRegistry.Register(new CharLsCodec());
        FrameCodecRegistry.Register(new OpenJpegCodec());
        FrameCodecRegistry.Register(new UnavailableCodec(OpenJpegCodec.HighThroughputSyntaxes, OpenJpegCodec.HighThroughputOffReason));
    }
}
