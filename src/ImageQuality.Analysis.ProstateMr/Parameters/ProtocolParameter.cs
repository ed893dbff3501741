namespace ImageQuality.Analysis.ProstateMr.Parameters;

/// <summary>A technical parameter measured from the headers of a series. Units and names are in <see cref="ProtocolParameters"/>.</summary>
public enum ProtocolParameter
{
    /// <summary>SliceThickness (0018,0050), mm.</summary>
    SliceThickness,

    /// <summary>Centre-to-centre slice distance: SpacingBetweenSlices (0018,0088), else from positions along the normal, mm.</summary>
    SliceSpacing,

    /// <summary>Slice spacing minus slice thickness, mm (negative: overlap).</summary>
    SliceGap,

    /// <summary>Field of view along the frequency-encoding direction (the protocol's nominal FOV), mm.</summary>
    FieldOfView,

    /// <summary>Field of view along the phase-encoding direction, mm.</summary>
    PhaseFieldOfView,

    /// <summary>Acquired pixel size along phase: phase FOV over the acquired phase steps (AcquisitionMatrix), mm.</summary>
    AcquiredPhaseResolution,

    /// <summary>Acquired pixel size along frequency: FOV over the acquired frequency steps, mm.</summary>
    AcquiredFrequencyResolution,

    /// <summary>Reconstructed pixel size (PixelSpacing) along phase, mm: often interpolated finer than acquired.</summary>
    ReconstructedPhaseResolution,

    /// <summary>Reconstructed pixel size (PixelSpacing) along frequency, mm.</summary>
    ReconstructedFrequencyResolution,

    /// <summary>EchoTime, ms.</summary>
    EchoTime,

    /// <summary>RepetitionTime, ms.</summary>
    RepetitionTime,

    /// <summary>MagneticFieldStrength (0018,0087), T.</summary>
    MagneticFieldStrength,

    /// <summary>Number of time points of a dynamic acquisition.</summary>
    TimePoints,

    /// <summary>Time between successive acquisitions of the same slice, s.</summary>
    TemporalResolution,

    /// <summary>First to last time point of a dynamic acquisition, s.</summary>
    ObservationDuration,
}

/// <summary>Units and report names of <see cref="ProtocolParameter"/>.</summary>
public static class ProtocolParameters
{
    public static string Unit(this ProtocolParameter p) => p switch
    {
        ProtocolParameter.EchoTime or ProtocolParameter.RepetitionTime => "ms",
        ProtocolParameter.MagneticFieldStrength => "T",
        ProtocolParameter.TimePoints => "{time points}",
        ProtocolParameter.TemporalResolution or ProtocolParameter.ObservationDuration => "s",
        _ => "mm",
    };

    /// <summary>camelCase, as rule packs and the JSON report spell it.</summary>
    public static string Name(this ProtocolParameter p) => char.ToLowerInvariant(p.ToString()[0]) + p.ToString()[1..];

    /// <summary>Words for messages: "slice thickness".</summary>
    public static string Words(this ProtocolParameter p) => p switch
    {
        ProtocolParameter.FieldOfView => "FOV (frequency)",
        ProtocolParameter.PhaseFieldOfView => "FOV (phase)",
        ProtocolParameter.EchoTime => "TE",
        ProtocolParameter.RepetitionTime => "TR",
        _ => string.Concat(p.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())),
    };

    public static bool TryParse(string name, out ProtocolParameter parameter) =>
        Enum.TryParse(name, ignoreCase: true, out parameter) && Enum.IsDefined(parameter);
}
