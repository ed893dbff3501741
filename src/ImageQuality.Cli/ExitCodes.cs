namespace ImageQuality.Cli;

/// <summary>Exit codes scripts can rely on.</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary>Done, but with findings or failures (e.g. a file that could not be read among several).</summary>
    public const int Findings = 1;

    /// <summary>Wrong usage or unusable input: nothing useful was done.</summary>
    public const int UsageError = 2;
}
