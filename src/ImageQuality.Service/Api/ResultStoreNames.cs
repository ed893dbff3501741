using ImageQuality.Analysis;

namespace ImageQuality.Service.Api;

/// <summary>The names the API uses for enumerations, the same as the database's.</summary>
internal static class ResultStoreNames
{
    public static string Outcome(FindingOutcome outcome) => outcome switch
    {
        FindingOutcome.Pass => "pass",
        FindingOutcome.Fail => "fail",
        _ => "not-assessable",
    };
}
