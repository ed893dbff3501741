namespace ImageQuality.Samples.Mammography;

/// <summary>PhotometricInterpretation (0028,0004) of a grayscale mammogram.</summary>
public enum PhotometricInterpretation
{
    /// <summary>The smallest value is displayed black: tissue has high values.</summary>
    Monochrome2,

    /// <summary>The smallest value is displayed white: tissue has low values, air the highest.</summary>
    Monochrome1,
}
