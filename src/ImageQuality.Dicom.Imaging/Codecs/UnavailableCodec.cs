namespace ImageQuality.Dicom.Imaging.Codecs;

/// <summary>
/// Holds the place of syntaxes that could be decoded but are switched off, so that the registry reports why
/// (as <see cref="CodecUnavailableException"/>, which makes a listener refuse the syntax) instead of "no decoder".
/// </summary>
internal sealed class UnavailableCodec : IFrameCodec
{
    public UnavailableCodec(IReadOnlyList<TransferSyntax> syntaxes, string reason)
    {
        TransferSyntaxes = syntaxes;
        UnavailableReason = reason;
    }

    public IReadOnlyList<TransferSyntax> TransferSyntaxes { get; }

    public bool IsAvailable => false;

    public string? UnavailableReason { get; }

    public PixelDataDescription Decode(ReadOnlySpan<byte> compressedFrame, PixelDataDescription description, Span<byte> destination) =>
        throw new CodecUnavailableException(TransferSyntaxes[0], UnavailableReason!);
}
