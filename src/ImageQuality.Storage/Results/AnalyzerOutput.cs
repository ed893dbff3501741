using ImageQuality.Analysis;

namespace ImageQuality.Storage.Results;

/// <summary>One analyzer's result, labelled with the analyzer that made it.</summary>
public sealed record AnalyzerOutput(string AnalyzerId, string AnalyzerVersion, AnalysisResult Result);
