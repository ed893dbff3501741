using ImageQuality.Analysis.Mammography.Landmarks;

namespace ImageQuality.Samples.Mammography.Dataset;

/// <summary>
/// One training sample: the model input as bytes (round(v * 255), 320 rows of 256), the label bits on the same grid,
/// the meta line, and the transform between the grid and the stored image.
/// </summary>
public sealed record LandmarkSample(byte[] Input, byte[] Labels, LandmarkSampleMeta Meta, ModelTransform Transform)
{
    public const byte BreastBit = 1;

    public const byte PectoralBit = 2;

    public const byte ImfBit = 4;
}
