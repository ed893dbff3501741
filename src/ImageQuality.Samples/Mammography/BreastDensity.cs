namespace ImageQuality.Samples.Mammography;

/// <summary>ACR BI-RADS breast composition: how much fibroglandular tissue the texture lays down.</summary>
public enum BreastDensity
{
    /// <summary>Almost entirely fatty.</summary>
    A,

    /// <summary>Scattered fibroglandular densities.</summary>
    B,

    /// <summary>Heterogeneously dense.</summary>
    C,

    /// <summary>Extremely dense.</summary>
    D,
}
