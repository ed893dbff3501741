namespace ImageQuality.Analysis.ProstateMr.Report;

/// <summary>A rule pack finding and the series it came from (null for study-wide criteria such as planes present).</summary>
public sealed record ProtocolFinding(Finding Finding, int? SeriesNumber, string? SeriesInstanceUid);
