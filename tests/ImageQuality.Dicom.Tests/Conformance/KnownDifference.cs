namespace ImageQuality.Dicom.Tests.Conformance;

/// <summary>
/// A documented way in which dcmdump's output differs from what the standard says (or from our reading by
/// design). <see cref="Reason"/> quotes or cites the standard.
/// </summary>
internal sealed record KnownDifference(string Id, string Reason, Func<ConformanceDifference, bool> Matches)
{
    public override string ToString() => Id;
}
