namespace ImageQuality.Dicom.IO;

/// <summary>Choices for writing a Part 10 file.</summary>
public sealed record DicomWriteOptions
{
    public static DicomWriteOptions Default { get; } = new();

    /// <summary>The syntax to write; null keeps the file's own. Encapsulated syntaxes can only be kept, not converted to.</summary>
    public TransferSyntax? TransferSyntax { get; init; }

    /// <summary>
    /// Write sequences and items with explicit lengths (computed) rather than undefined lengths and delimiters.
    /// Both are valid (PS3.5 7.5); undefined lengths let a writer stream.
    /// </summary>
    public bool ExplicitSequenceLengths { get; init; }

    /// <summary>
    /// Group length elements (gggg,0000) in the data set are deprecated (PS3.5 7.2): false drops them; true keeps
    /// each and writes its correct value for the new encoding. (0002,0000) is always written and correct.
    /// </summary>
    public bool KeepGroupLengths { get; init; } = true;

    /// <summary>Written as (0002,0016) when set; kept from the existing meta information otherwise.</summary>
    public string? SourceApplicationEntityTitle { get; init; }
}
