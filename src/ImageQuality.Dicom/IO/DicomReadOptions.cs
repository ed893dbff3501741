namespace ImageQuality.Dicom.IO;

/// <summary>Choices for reading a data set. Every limit that protects against hostile input is here.</summary>
public sealed record DicomReadOptions
{
    public static DicomReadOptions Default { get; } = new();

    /// <summary>Header only: stop before top-level (7FE0,0010) Pixel Data and do not read anything after it.</summary>
    public bool StopBeforePixelData { get; init; }

    /// <summary>
    /// When reading a file by path, values longer than this many bytes stay in the file and are read when
    /// asked for (<see cref="DicomElement.IsDeferred"/>). Null reads everything into memory.
    /// </summary>
    public int? DeferValuesLongerThan { get; init; }

    /// <summary>Sequences nested deeper than this are refused, so hostile input cannot exhaust the stack.</summary>
    public int MaxNestingDepth { get; init; } = 64;

    /// <summary>
    /// A defined-length value of unknown VR read in implicit VR whose bytes start with an item tag is read as a
    /// sequence. dcmtk and pydicom keep such values as bytes (both read undefined-length ones as sequences, as
    /// this reader always does); the conformance test lists this as a known difference.
    /// </summary>
    public bool DetectSequencesInUnknownValues { get; init; } = true;
}
