namespace ImageQuality.Dicom.Imaging;

/// <summary>
/// The Image Pixel module attributes that say how pixel data is laid out (PS3.3 C.7.6.3), read once from a
/// data set so that decoders and pipelines never parse the data set again.
/// </summary>
public sealed record PixelDataDescription
{
    public required int Rows { get; init; }

    public required int Columns { get; init; }

    public int SamplesPerPixel { get; init; } = 1;

    public required int BitsAllocated { get; init; }

    public required int BitsStored { get; init; }

    public required int HighBit { get; init; }

    /// <summary>0 unsigned, 1 two's complement.</summary>
    public int PixelRepresentation { get; init; }

    /// <summary>0 colour-by-pixel (RGBRGB…), 1 colour-by-plane (RR…GG…BB…); meaningful when SamplesPerPixel &gt; 1.</summary>
    public int PlanarConfiguration { get; init; }

    public string PhotometricInterpretation { get; init; } = "MONOCHROME2";

    public int NumberOfFrames { get; init; } = 1;

    public bool IsSigned => PixelRepresentation == 1;

    public int BytesPerSample => (BitsAllocated + 7) / 8;

    /// <summary>Bytes of one uncompressed frame; for BitsAllocated 1 the bits rounded up to whole bytes.</summary>
    public long FrameLength => BitsAllocated == 1
        ? (((long)Rows * Columns * SamplesPerPixel) + 7) / 8
        : (long)Rows * Columns * SamplesPerPixel * BytesPerSample;

    /// <summary>YBR_FULL_422 and YBR_PARTIAL_422 native data hold two luminance samples and one pair of chroma samples per two pixels (PS3.3 C.7.6.3.1.2).</summary>
    public bool IsYbr422 => SamplesPerPixel == 3 && PhotometricInterpretation.EndsWith("_422", StringComparison.OrdinalIgnoreCase);

    /// <summary>Bytes of one frame as stored natively (subsampled 4:2:2 data is smaller than <see cref="FrameLength"/>).</summary>
    public long NativeFrameLength => IsYbr422 ? (long)Rows * Columns * 2 * BytesPerSample : FrameLength;

    public static PixelDataDescription FromDataset(DicomDataset dataset)
    {
        static int Get(DicomDataset d, uint tag, int fallback) =>
            d.TryGetInt32(new DicomTag(tag), out int v) ? v : fallback;

        int rows = Get(dataset, 0x00280010, 0);
        int columns = Get(dataset, 0x00280011, 0);
        int bitsAllocated = Get(dataset, 0x00280100, 0);
        if (rows <= 0 || columns <= 0 || bitsAllocated is not (1 or 8 or 16 or 32 or 64))
        {
            throw new DicomPixelDataException($"The image pixel module is incomplete or invalid (Rows {rows}, Columns {columns}, Bits Allocated {bitsAllocated}).");
        }

        int bitsStored = Get(dataset, 0x00280101, bitsAllocated);
        int samples = Get(dataset, 0x00280002, 1);
        return new PixelDataDescription
        {
            Rows = rows,
            Columns = columns,
            SamplesPerPixel = samples is >= 1 and <= 4 ? samples : throw new DicomPixelDataException($"Samples per Pixel {samples} is not supported."),
            BitsAllocated = bitsAllocated,
            BitsStored = bitsStored is > 0 && bitsStored <= bitsAllocated ? bitsStored : bitsAllocated,
            HighBit = Get(dataset, 0x00280102, bitsStored - 1),
            PixelRepresentation = Get(dataset, 0x00280103, 0),
            PlanarConfiguration = Get(dataset, 0x00280006, 0),
            PhotometricInterpretation = (dataset.GetString(new DicomTag(0x00280004)) ?? "MONOCHROME2").Trim(),
            NumberOfFrames = Math.Max(1, Get(dataset, 0x00280008, 1)),
        };
    }
}
