namespace ImageQuality.Dicom.Imaging.Codecs;

/// <summary>Decodes the compressed frames of one family of encapsulated transfer syntaxes.</summary>
public interface IFrameCodec
{
    /// <summary>The syntaxes this codec decodes.</summary>
    IReadOnlyList<TransferSyntax> TransferSyntaxes { get; }

    /// <summary>False when a native library the codec needs is missing; <see cref="UnavailableReason"/> says which package.</summary>
    bool IsAvailable { get; }

    string? UnavailableReason { get; }

    /// <summary>
    /// Decodes one frame into <paramref name="destination"/>, which has <see cref="PixelDataDescription.FrameLength"/>
    /// bytes laid out as a native little endian Pixel Data element of the same description would hold the frame
    /// (what dcmtk's dcmdjpeg, dcmdrle and dcmdjpls write). Throws <see cref="DicomPixelDataException"/> on bad
    /// input; never reads or writes outside the spans it is given.
    /// </summary>
    /// <returns>The description of the decoded frame: usually the input's; a codec that converts colour
    /// (e.g. YBR_FULL_422 JPEG to RGB) or planar configuration says so here.</returns>
    PixelDataDescription Decode(ReadOnlySpan<byte> compressedFrame, PixelDataDescription description, Span<byte> destination);
}
