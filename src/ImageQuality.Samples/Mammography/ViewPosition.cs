namespace ImageQuality.Samples.Mammography;

/// <summary>The screening views, named as ViewPosition (0018,5101) names them.</summary>
public enum ViewPosition
{
    /// <summary>Cranio-caudal (SCT 399162004).</summary>
    CC,

    /// <summary>Medio-lateral oblique (SCT 399368009).</summary>
    MLO,
}
