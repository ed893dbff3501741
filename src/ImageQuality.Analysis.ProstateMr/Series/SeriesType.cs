namespace ImageQuality.Analysis.ProstateMr.Series;

/// <summary>What a series is for the prostate protocol. <see cref="SeriesTypes.Code"/> gives the report's spelling.</summary>
public enum SeriesType
{
    /// <summary>T2-weighted spin echo (fast/turbo spin echo) anatomy.</summary>
    T2W,

    /// <summary>Acquired diffusion-weighted images (trace or directional) with their b-values.</summary>
    Dwi,

    /// <summary>Apparent diffusion coefficient map derived from the DWI.</summary>
    Adc,

    /// <summary>A high-b image computed (extrapolated) from lower acquired b-values.</summary>
    DwiCalculated,

    /// <summary>Dynamic contrast-enhanced T1 gradient echo: several time points of the same slices.</summary>
    Dce,

    /// <summary>Post- minus pre-contrast images.</summary>
    Subtraction,

    /// <summary>Scouts and localisers.</summary>
    Localizer,

    /// <summary>Anything else (T1 spin echo, field maps, other diffusion maps, reformats).</summary>
    Other,
}

/// <summary>The fixed codes of <see cref="SeriesType"/> used in reports and rule packs.</summary>
public static class SeriesTypes
{
    public static string Code(this SeriesType type) => type switch
    {
        SeriesType.T2W => "T2W",
        SeriesType.Dwi => "DWI",
        SeriesType.Adc => "ADC",
        SeriesType.DwiCalculated => "DWI_CALCULATED",
        SeriesType.Dce => "DCE",
        SeriesType.Subtraction => "SUBTRACTION",
        SeriesType.Localizer => "LOCALIZER",
        _ => "OTHER",
    };

    public static bool TryParse(string code, out SeriesType type)
    {
        foreach (SeriesType t in Enum.GetValues<SeriesType>())
        {
            if (string.Equals(t.Code(), code, StringComparison.OrdinalIgnoreCase))
            {
                type = t;
                return true;
            }
        }

        type = SeriesType.Other;
        return false;
    }
}
