namespace ImageQuality.Analysis.ProstateMr.Series;

/// <summary>What a series was taken to be, how sure the rules are (0–1), and the header facts that decided it.</summary>
public sealed record SeriesClassification(SeriesType Type, double Confidence, IReadOnlyList<string> Reasons);
