using System.Buffers.Binary;
using System.Text;

namespace ImageQuality.Analysis.ProstateMr.BValues;

/// <summary>
/// The Siemens CSA header (the blob in (0029,xx10) image and (0029,xx20) series headers): a list of named elements,
/// each with items of text. Layout, as nibabel and dcm2niix read it: "SV10" + 4 bytes (CSA2; absent in CSA1), then
/// element count and a filler (uint32 each); per element a 64-byte NUL-terminated name, VM, 4-byte VR, SyngoDT,
/// item count and a filler (int32 each); per item four int32 of which the second is the length, then the bytes padded
/// to a multiple of 4. Every length is checked against the blob: the header comes from the sender.
/// </summary>
internal static class SiemensCsaHeader
{
    private const int NameLength = 64;
    private const int ElementHeaderLength = NameLength + 20;
    private const int MaxItems = 1_000;

    /// <summary>The items of element <paramref name="name"/> as text; null when the blob is not CSA or lacks the element.</summary>
    public static IReadOnlyList<string>? Items(ReadOnlySpan<byte> blob, string name)
    {
        int p = blob.Length >= 8 && blob[..4].SequenceEqual("SV10"u8) ? 8 : 0;
        if (p + 8 > blob.Length)
        {
            return null;
        }

        uint count = BinaryPrimitives.ReadUInt32LittleEndian(blob[p..]);
        if (count is 0 or > 1_000)
        {
            return null;
        }

        p += 8;
        for (uint i = 0; i < count; i++)
        {
            if (p + ElementHeaderLength > blob.Length)
            {
                return null;
            }

            ReadOnlySpan<byte> nameBytes = blob.Slice(p, NameLength);
            int nul = nameBytes.IndexOf((byte)0);
            string elementName = Encoding.Latin1.GetString(nul >= 0 ? nameBytes[..nul] : nameBytes);
            int itemCount = BinaryPrimitives.ReadInt32LittleEndian(blob[(p + NameLength + 12)..]);
            if (itemCount is < 0 or > MaxItems)
            {
                return null;
            }

            p += ElementHeaderLength;
            var items = new List<string>(itemCount);
            for (int j = 0; j < itemCount; j++)
            {
                if (p + 16 > blob.Length)
                {
                    return null;
                }

                int length = BinaryPrimitives.ReadInt32LittleEndian(blob[(p + 4)..]);
                p += 16;
                if (length < 0 || p + length > blob.Length)
                {
                    return null;
                }

                items.Add(Encoding.Latin1.GetString(blob.Slice(p, length)).Trim(' ', '\0'));
                p += (length + 3) & ~3;
            }

            if (elementName == name)
            {
                return items;
            }
        }

        return null;
    }
}
