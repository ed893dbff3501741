namespace ImageQuality.Samples.Mammography;

/// <summary>
/// How a family of units processes its for-presentation images. The names say "like": the curves imitate the look of
/// each vendor's images (background level, periphery equalisation, skin line, contrast curve), not their algorithms.
/// </summary>
public enum VendorStyle
{
    /// <summary>Background 0, strong thickness equalisation, a step at the skin, sigmoid window.</summary>
    GeLike,

    /// <summary>Dark background with a little noise, moderate equalisation, log-like contrast, skin enhancement.</summary>
    HologicLike,

    /// <summary>Low background, darker periphery, a gamma above 1.</summary>
    SiemensLike,

    /// <summary>14-bit values, strong equalisation and edge enhancement; usually stored MONOCHROME1.</summary>
    FujiLike,
}
