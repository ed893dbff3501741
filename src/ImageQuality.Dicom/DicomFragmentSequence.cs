namespace ImageQuality.Dicom;

/// <summary>
/// Encapsulated pixel data (PS3.5 A.4): an undefined-length element whose first item is the Basic Offset Table
/// and whose further items are fragments of compressed frames.
/// </summary>
public sealed class DicomFragmentSequence : DicomElement
{
    public DicomFragmentSequence(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> basicOffsetTable, IEnumerable<ReadOnlyMemory<byte>>? fragments = null)
        : base(tag, vr)
    {
        BasicOffsetTable = basicOffsetTable;
        Fragments = fragments is null ? [] : [.. fragments];
    }

    /// <summary>The value of the first item: little endian 32-bit offsets, or empty.</summary>
    public ReadOnlyMemory<byte> BasicOffsetTable { get; }

    public List<ReadOnlyMemory<byte>> Fragments { get; }

    /// <summary>The Basic Offset Table as numbers: the offset of each frame's first fragment item from the first fragment item.</summary>
    public uint[] GetOffsets()
    {
        ReadOnlySpan<byte> span = BasicOffsetTable.Span;
        var offsets = new uint[span.Length / 4];
        for (int i = 0; i < offsets.Length; i++)
        {
            offsets[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(span[(i * 4)..]);
        }

        return offsets;
    }

    public override long Length
    {
        get
        {
            long total = BasicOffsetTable.Length;
            foreach (ReadOnlyMemory<byte> f in Fragments)
            {
                total += f.Length;
            }

            return total;
        }
    }

    public override string ToString() => $"{Tag} {VR} (encapsulated, {Fragments.Count} fragments)";
}
