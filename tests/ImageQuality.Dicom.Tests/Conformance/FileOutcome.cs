namespace ImageQuality.Dicom.Tests.Conformance;

/// <summary>What happened to one corpus file in the conformance run.</summary>
internal sealed class FileOutcome
{
    public required string Relative { get; init; }

    /// <summary>Our reader's error, when it refused the file.</summary>
    public Exception? OurError { get; init; }

    /// <summary>dcmdump's result; its element lines are dropped once compared.</summary>
    public required DcmdumpResult Dcmdump { get; init; }

    /// <summary>Elements, items and fragments compared with the oracle (dcmdump, or pydicom where dcmtk cannot read).</summary>
    public int Compared { get; set; }

    /// <summary>Every difference from the oracle, with the known difference that explains it (null: unexplained).</summary>
    public List<(ConformanceDifference Difference, KnownDifference? Known)> Differences { get; } = [];

    /// <summary>Problems with the file's outcome itself: an unexpected failure, a stale table entry, …</summary>
    public List<string> Problems { get; } = [];

    public bool ComparedWithPydicom { get; set; }

    /// <summary>Records each difference with the known difference that explains it, if any.</summary>
    public void Explain(List<ConformanceDifference> differences)
    {
        foreach (ConformanceDifference d in differences)
        {
            Differences.Add((d, KnownDifferences.Explain(d)));
        }
    }
}
