namespace ImageQuality.Analysis;

/// <summary>
/// An analysis plug-in: it says what it applies to, and the service keeps its findings with <see cref="Id"/> and
/// <see cref="Version"/> so that results can be traced to, and re-made by, the analyzer that produced them.
/// Implement <see cref="IInstanceAnalyzer"/> to judge single images, <see cref="IStudyAnalyzer"/> to judge settled
/// studies.
/// </summary>
public interface IAnalyzer
{
    /// <summary>Stable id, e.g. "mammography.header".</summary>
    string Id { get; }

    /// <summary>Changes whenever the findings for the same input could change (rules, thresholds, model).</summary>
    string Version { get; }

    /// <summary>Whether this image is for this analyzer (for a study analyzer: whether a study with it is).</summary>
    bool AppliesTo(InstanceContext instance);
}

/// <summary>Judges each image it applies to, as soon as it is stored.</summary>
public interface IInstanceAnalyzer : IAnalyzer
{
    ValueTask<AnalysisResult> AnalyzeAsync(InstanceContext instance, CancellationToken cancellationToken);
}

/// <summary>Judges a study once it has settled (quiet for the settle time, or complete), again after late arrivals.</summary>
public interface IStudyAnalyzer : IAnalyzer
{
    ValueTask<AnalysisResult> AnalyzeAsync(StudyContext study, CancellationToken cancellationToken);
}
