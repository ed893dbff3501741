namespace ImageQuality.Dicom.Tests.Conformance;

/// <summary>What dcmdump made of one file.</summary>
internal sealed class DcmdumpResult
{
    public required string Path { get; init; }

    /// <summary>dcmdump printed the file: it could read it (possibly with warnings).</summary>
    public bool Readable => DatasetTransferSyntax is not null;

    /// <summary>Values affected by Specific Character Set were converted to UTF-8 (<c>+U8</c>); false when dcmtk could not convert them and the raw bytes were dumped.</summary>
    public bool ConvertedToUtf8 { get; init; }

    /// <summary>"E:" and "F:" lines.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>"W:" lines.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>The "# Used TransferSyntax:" of the data set, e.g. "Little Endian Implicit"; null when nothing was printed.</summary>
    public string? DatasetTransferSyntax { get; set; }

    /// <summary>Element lines of the file meta information, delimiters removed.</summary>
    public List<DcmdumpLine> Meta { get; } = [];

    /// <summary>Element lines of the data set, delimiters removed.</summary>
    public List<DcmdumpLine> Dataset { get; } = [];

    /// <summary>Drops the element lines once compared; hex dumps of pixel data are large.</summary>
    public void ReleaseLines()
    {
        Meta.Clear();
        Meta.TrimExcess();
        Dataset.Clear();
        Dataset.TrimExcess();
    }
}
