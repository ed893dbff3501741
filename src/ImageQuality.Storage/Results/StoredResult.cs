using ImageQuality.Analysis;

namespace ImageQuality.Storage.Results;

/// <summary>A result as kept: which analyzer and model made it, its revision, whether it is the current one.</summary>
public sealed record StoredResult(
    long Id,
    ResultScope Scope,
    string SubjectUid,
    string StudyInstanceUid,
    string AnalyzerId,
    string AnalyzerVersion,
    string? ModelVersion,
    int Revision,
    bool IsCurrent,
    DateTimeOffset CreatedAt,
    IReadOnlyList<Finding> Findings);
