namespace ImageQuality.Analysis.ProstateMr.Report;

/// <summary>A prostate MR study judged at header level: its series as identified, and the rule pack's findings.</summary>
public sealed record ProstateStudyReport(
    string StudyInstanceUid,
    string RulePackId,
    string RulePackVersion,
    IReadOnlyList<ProstateSeries> Series,
    IReadOnlyList<ProtocolFinding> Findings)
{
    /// <summary>The findings as the service stores them (each pointing at the first image of its series).</summary>
    public AnalysisResult ToAnalysisResult() => new([.. Findings.Select(f => f.Finding)]);
}
