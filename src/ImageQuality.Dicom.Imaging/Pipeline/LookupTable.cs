using System.Buffers.Binary;

namespace ImageQuality.Dicom.Imaging.Pipeline;

/// <summary>
/// A LUT as the Modality, VOI and Palette LUT modules describe it (PS3.3 C.11.1.1): descriptor
/// (entries, first mapped input value, bits per entry) and data. Inputs below the first mapped value take the
/// first entry; above the last, the last entry.
/// </summary>
public sealed class LookupTable
{
    public LookupTable(int firstMapped, int bitsPerEntry, ushort[] entries)
    {
        FirstMapped = firstMapped;
        BitsPerEntry = bitsPerEntry;
        Entries = entries;
    }

    public int FirstMapped { get; }

    public int BitsPerEntry { get; }

    public ushort[] Entries { get; }

    public int Lookup(int input)
    {
        int i = input - FirstMapped;
        return Entries[i < 0 ? 0 : i >= Entries.Length ? Entries.Length - 1 : i];
    }

    /// <summary>Reads LUT Descriptor (0028,3002) and LUT Data (0028,3006) from a sequence item; null when malformed.</summary>
    public static LookupTable? FromItem(DicomDataset item, bool signedInput) =>
        FromElements(item, new DicomTag(0x00283002), new DicomTag(0x00283006), signedInput);

    public static LookupTable? FromElements(DicomDataset dataset, DicomTag descriptorTag, DicomTag dataTag, bool signedInput)
    {
        if (dataset.Find(descriptorTag) is not { } descriptor || dataset.Find(dataTag) is not { } data)
        {
            return null;
        }

        ReadOnlySpan<byte> desc = descriptor.Data.Span;
        if (desc.Length < 6)
        {
            return null;
        }

        int count = BinaryPrimitives.ReadUInt16LittleEndian(desc);
        if (count == 0)
        {
            count = 65536; // PS3.3 C.11.1.1: 0 means 2^16 entries.
        }

        // The first mapped value is US or SS as the pixel representation says, whatever VR the descriptor has.
        int first = signedInput ? BinaryPrimitives.ReadInt16LittleEndian(desc[2..]) : BinaryPrimitives.ReadUInt16LittleEndian(desc[2..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(desc[4..]);
        ReadOnlySpan<byte> bytes = data.Data.Span;
        var entries = new ushort[count];
        if (bytes.Length >= count * 2)
        {
            for (int i = 0; i < count; i++)
            {
                entries[i] = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i * 2)..]);
            }
        }
        else if (bytes.Length >= count && bits <= 8)
        {
            // 8-bit entries packed one per byte (seen in some writers' LUT Data of VR OB).
            for (int i = 0; i < count; i++)
            {
                entries[i] = bytes[i];
            }
        }
        else
        {
            return null;
        }

        if (bits is < 1 or > 16)
        {
            ushort max = 0;
            foreach (ushort e in entries)
            {
                max = Math.Max(max, e);
            }

            bits = Math.Max(8, 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)max));
        }

        return new LookupTable(first, bits, entries);
    }
}
