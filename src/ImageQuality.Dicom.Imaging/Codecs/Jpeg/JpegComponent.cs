namespace ImageQuality.Dicom.Imaging.Codecs.Jpeg;

/// <summary>One image component of a frame header (T.81 B.2.2): its identifier, sampling factors and quantization table.</summary>
internal sealed class JpegComponent
{
    public required int Id { get; init; }

    public required int Index { get; init; }

    public required int HorizontalSampling { get; init; }

    public required int VerticalSampling { get; init; }

    public required int QuantizationTable { get; init; }

    /// <summary>Samples per line of this component: ceil(X * H / Hmax) (T.81 A.1.1).</summary>
    public int Width { get; set; }

    /// <summary>Lines of this component: ceil(Y * V / Vmax).</summary>
    public int Height { get; set; }

    /// <summary>Blocks per line in the component's sample plane, padded to whole MCUs of an interleaved scan.</summary>
    public int BlocksPerLine { get; set; }

    /// <summary>Block rows in the component's sample plane, padded to whole MCUs of an interleaved scan.</summary>
    public int BlocksPerColumn { get; set; }

    /// <summary>Whether a scan has decoded this component.</summary>
    public bool Decoded { get; set; }
}
