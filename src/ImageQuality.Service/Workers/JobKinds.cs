namespace ImageQuality.Service.Workers;

/// <summary>The kinds of job in the queue; the subject of each is a UID.</summary>
public static class JobKinds
{
    /// <summary>Run the instance analyzers on one image (subject: SOP Instance UID).</summary>
    public const string AnalyzeInstance = "analyze-instance";

    /// <summary>Run the study analyzers on a settled study (subject: Study Instance UID).</summary>
    public const string AnalyzeStudy = "analyze-study";
}
