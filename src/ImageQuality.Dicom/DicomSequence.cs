namespace ImageQuality.Dicom;

/// <summary>A sequence of items (VR SQ), each item a nested data set (PS3.5 7.5).</summary>
public sealed class DicomSequence : DicomElement
{
    public DicomSequence(DicomTag tag, IEnumerable<DicomDataset>? items = null)
        : base(tag, DicomVR.SQ)
    {
        Items = items is null ? [] : [.. items];
    }

    public List<DicomDataset> Items { get; }

    /// <summary>The sequence was read from a UN element that hid it (PS3.5 6.2.2) or guessed from an implicit VR value.</summary>
    public bool WasUnknownVR { get; init; }

    public override long Length => Items.Count;

    public override string ToString() => $"{Tag} SQ ({Items.Count} items)";
}
