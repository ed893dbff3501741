namespace ImageQuality.Analysis.ProstateMr.Series;

/// <summary>The limits the identification rules use to tell sequences apart (not compliance limits: those are in the rule pack).</summary>
public sealed record SeriesClassifierOptions
{
    /// <summary>A spin echo with at least this echo time (ms) is T2-weighted; shorter ones are T1 or proton density.</summary>
    public double T2MinimumEchoTimeMs { get; init; } = 60;

    /// <summary>A T2-weighted spin echo has at least this repetition time (ms).</summary>
    public double T2MinimumRepetitionTimeMs { get; init; } = 1500;

    /// <summary>A gradient echo with a repetition time under this (ms) is a T1 spoiled gradient echo, the DCE kind.</summary>
    public double DceMaximumRepetitionTimeMs { get; init; } = 100;

    /// <summary>At least this many time points of the same slices make a dynamic series (fewer: pre/post pairs).</summary>
    public int DceMinimumTimePoints { get; init; } = 3;
}
