namespace ImageQuality.Analysis;

/// <summary>What one analyzer found on one image or study.</summary>
/// <param name="Findings">Every criterion it judged (not assessable ones included).</param>
/// <param name="ModelVersion">The version of the model the findings came from, for analyzers that use one.</param>
public sealed record AnalysisResult(IReadOnlyList<Finding> Findings, string? ModelVersion = null);
