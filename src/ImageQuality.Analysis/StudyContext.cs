namespace ImageQuality.Analysis;

/// <summary>A settled study: every instance received so far, for criteria that compare images (CC against MLO).</summary>
public sealed record StudyContext(string StudyInstanceUid, IReadOnlyList<InstanceContext> Instances);
