using System.Buffers.Binary;
using ImageQuality.Dicom.IO;

namespace ImageQuality.Dicom.Tests.IO;

/// <summary>Hand-made hostile inputs: Part 10 files around raw data set bytes, and sequences nested to any depth.</summary>
internal static class SyntheticFiles
{
    /// <summary>A Part 10 file (our own meta information) whose data set is <paramref name="body"/>, deflated when the syntax says so.</summary>
    public static byte[] Part10(TransferSyntax syntax, byte[] body)
    {
        using var stream = new MemoryStream();
        DicomFileWriter.Write(stream, null, new DicomDataset(), syntax);
        byte[] empty = stream.ToArray();
        int metaEnd = FuzzMutator.MetaEnd(empty);
        return [.. empty.AsSpan(0, metaEnd), .. syntax.IsDeflated ? FuzzMutator.Deflate(body) : body];
    }

    /// <summary>
    /// <paramref name="depth"/> sequences, each the only element of an item of the one above. With undefined
    /// lengths the tag is a public sequence; with defined lengths in implicit VR it is a private tag without a
    /// creator, which the reader can only recognise as a sequence by its first item tag.
    /// </summary>
    public static byte[] NestedSequences(int depth, bool explicitVR, bool bigEndian, bool definedLength)
    {
        DicomTag tag = definedLength && !explicitVR ? new DicomTag(0x00091001) : new DicomTag(0x00081140);
        int header = explicitVR ? 12 : 8;

        // Value length of the sequence at each level, from the innermost (an empty item) outwards.
        var valueLength = new long[depth];
        for (int level = depth - 1; level >= 0; level--)
        {
            long itemContent = level == depth - 1 ? 0 : header + valueLength[level + 1];
            valueLength[level] = 8 + itemContent;
        }

        long total = definedLength ? header + valueLength[0] : depth * (header + 8 + 8 + 8L);
        var bytes = new byte[total];
        int at = 0;
        for (int level = 0; level < depth; level++)
        {
            uint length = definedLength ? checked((uint)valueLength[level]) : 0xFFFFFFFF;
            at = Tag(bytes, at, tag, bigEndian);
            if (explicitVR)
            {
                bytes[at++] = (byte)'S';
                bytes[at++] = (byte)'Q';
                at += 2;
            }

            at = UInt32(bytes, at, length, bigEndian);
            at = Tag(bytes, at, DicomTag.Item, bigEndian);
            at = UInt32(bytes, at, definedLength ? checked((uint)(valueLength[level] - 8)) : 0xFFFFFFFF, bigEndian);
        }

        if (!definedLength)
        {
            for (int level = 0; level < depth; level++)
            {
                at = Tag(bytes, at, DicomTag.ItemDelimitationItem, bigEndian);
                at = UInt32(bytes, at, 0, bigEndian);
                at = Tag(bytes, at, DicomTag.SequenceDelimitationItem, bigEndian);
                at = UInt32(bytes, at, 0, bigEndian);
            }
        }

        return bytes;
    }

    private static int Tag(byte[] b, int at, DicomTag tag, bool bigEndian)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(at), tag.Group);
            BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(at + 2), tag.Element);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at), tag.Group);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at + 2), tag.Element);
        }

        return at + 4;
    }

    private static int UInt32(byte[] b, int at, uint value, bool bigEndian)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(at), value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(at), value);
        }

        return at + 4;
    }
}
