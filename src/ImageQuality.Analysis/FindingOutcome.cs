namespace ImageQuality.Analysis;

/// <summary>How an image or exam fared on one criterion.</summary>
public enum FindingOutcome
{
    /// <summary>The criterion is met.</summary>
    Pass,

    /// <summary>The criterion is not met: the technologist is told what to change.</summary>
    Fail,

    /// <summary>
    /// The criterion cannot be judged on this input (an attribute missing, a landmark not found, a view the
    /// criterion does not apply to): counted apart from pass and fail so that rates are not flattered or spoiled.
    /// </summary>
    NotAssessable,
}
