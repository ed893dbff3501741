using System.Collections.Concurrent;

namespace ImageQuality.Dicom.Imaging.Codecs;

/// <summary>
/// The codecs this process can use, by transfer syntax. Built-in codecs register themselves; a syntax whose
/// codec is missing or unavailable (its native library not installed) is reported with the reason.
/// </summary>
public static class FrameCodecRegistry
{
    private static readonly ConcurrentDictionary<string, IFrameCodec> Codecs = new(StringComparer.Ordinal);

    static FrameCodecRegistry() => BuiltInCodecs.EnsureRegistered();

    public static void Register(IFrameCodec codec)
    {
        foreach (TransferSyntax ts in codec.TransferSyntaxes)
        {
            Codecs[ts.Uid] = codec;
        }
    }

    public static IFrameCodec? Find(TransferSyntax syntax) => Codecs.TryGetValue(syntax.Uid, out IFrameCodec? c) ? c : null;

    /// <summary>Whether frames in this syntax can be decoded here: native syntaxes always; encapsulated ones when a codec is available.</summary>
    public static bool CanDecode(TransferSyntax syntax) => !syntax.IsEncapsulated || Find(syntax) is { IsAvailable: true };

    /// <summary>The codec for a syntax, or an exception that says why there is none.</summary>
    public static IFrameCodec Require(TransferSyntax syntax)
    {
        IFrameCodec? codec = Find(syntax);
        if (codec is null)
        {
            throw new DicomPixelDataException($"No decoder for {syntax.Name} ({syntax.Uid}).");
        }

        if (!codec.IsAvailable)
        {
            throw new CodecUnavailableException(syntax, codec.UnavailableReason ?? "the codec is unavailable");
        }

        return codec;
    }
}
