namespace ImageQuality.Samples.Mammography;

/// <summary>The side of the breast, as ImageLaterality (0020,0062) holds it.</summary>
public enum ImageLaterality
{
    L,
    R,
}
