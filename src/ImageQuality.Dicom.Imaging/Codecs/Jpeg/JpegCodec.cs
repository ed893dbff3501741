namespace ImageQuality.Dicom.Imaging.Codecs.Jpeg;

/// <summary>
/// JPEG Baseline (process 1), Extended (processes 2 and 4, 8 and 12 bits) and Lossless (process 14, any
/// predictor, point transform, 2-16 bits), in managed code, giving what dcmtk's dcmdjpeg writes with its
/// defaults: YCbCr is converted to RGB when the Photometric Interpretation is YBR_FULL, YBR_FULL_422 or
/// YBR_PARTIAL_422 (dcmdjpeg +cp), colour is written colour-by-pixel (Planar Configuration 0), and Bits Stored
/// and High Bit never exceed the JPEG sample precision. Progressive, hierarchical and arithmetic-coded JPEG are
/// refused with the reason.
/// </summary>
public sealed class JpegCodec : IFrameCodec
{
    public IReadOnlyList<TransferSyntax> TransferSyntaxes { get; } =
    [
        TransferSyntax.JPEGBaseline8Bit,
        TransferSyntax.JPEGExtended12Bit,
        TransferSyntax.JPEGLossless,
        TransferSyntax.JPEGLosslessSV1,
    ];

    public bool IsAvailable => true;

    public string? UnavailableReason => null;

    public PixelDataDescription Decode(ReadOnlySpan<byte> compressedFrame, PixelDataDescription description, Span<byte> destination)
    {
        if (description.BitsAllocated is not (8 or 16))
        {
            throw new DicomPixelDataException($"JPEG pixel data with Bits Allocated {description.BitsAllocated} is not supported (8 or 16).");
        }

        if (destination.Length < description.FrameLength)
        {
            throw new ArgumentException("The destination is smaller than one frame.", nameof(destination));
        }

        bool isYbr = description.PhotometricInterpretation is "YBR_FULL" or "YBR_FULL_422" or "YBR_PARTIAL_422";
        if (isYbr && description.IsSigned)
        {
            // dcmdjpeg refuses this too: the IJG colour conversion is defined for unsigned samples only.
            throw new DicomPixelDataException($"Cannot convert signed {description.PhotometricInterpretation} JPEG data to RGB.");
        }

        var decoder = new JpegDecoder();
        decoder.Decode(compressedFrame, description.Rows, description.Columns, description.SamplesPerPixel, description.BytesPerSample, isYbr, destination);

        int precision = decoder.Frame.Precision;
        string photometric = description.PhotometricInterpretation;
        if (isYbr)
        {
            photometric = description.SamplesPerPixel == 3 ? "RGB" : "MONOCHROME2";
        }

        return description with
        {
            PhotometricInterpretation = photometric,
            PlanarConfiguration = 0,
            BitsStored = Math.Min(description.BitsStored, precision),
            HighBit = Math.Min(description.HighBit, precision - 1),
        };
    }
}
