namespace ImageQuality.Service.Ingest;

/// <summary>Where a folder import stands: files seen of the total, and what became of them.</summary>
/// <param name="Problems">At the end: the first unreadable files with the reason ("path: reason").</param>
public sealed record ImportProgress(int Total, int Done, int Added, int AlreadyIndexed, int Skipped, int Failed, long Bytes, IReadOnlyList<string>? Problems = null);
