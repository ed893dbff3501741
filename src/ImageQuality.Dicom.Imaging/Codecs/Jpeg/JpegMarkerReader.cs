using System.Buffers.Binary;

namespace ImageQuality.Dicom.Imaging.Codecs.Jpeg;

/// <summary>Finds markers and reads the length-prefixed marker segments of a JPEG codestream (T.81 B.1.1.4).</summary>
internal static class JpegMarkerReader
{
    /// <summary>
    /// The index of the FF byte just before the next marker code at or after <paramref name="from"/>, skipping
    /// bytes that are no marker (FF00 in entropy-coded data, FF fill bytes), or -1 when there is none.
    /// </summary>
    public static int FindMarker(ReadOnlySpan<byte> data, int from)
    {
        for (int i = Math.Max(from, 0); i + 1 < data.Length; i++)
        {
            if (data[i] == 0xFF && data[i + 1] is not 0x00 and not 0xFF)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Reads the segment whose length field starts at <paramref name="position"/> and moves past it.</summary>
    /// <returns>The segment's parameters, without the length field.</returns>
    public static ReadOnlySpan<byte> ReadSegment(ReadOnlySpan<byte> data, ref int position, byte marker)
    {
        if (position > data.Length - 2)
        {
            throw new DicomPixelDataException($"The JPEG data ends inside the {JpegMarker.Name(marker)} marker segment (truncated).");
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
        if (length < 2 || length > data.Length - position)
        {
            throw new DicomPixelDataException($"The JPEG {JpegMarker.Name(marker)} marker segment declares {length} bytes; {data.Length - position} remain (truncated or corrupt).");
        }

        ReadOnlySpan<byte> segment = data.Slice(position + 2, length - 2);
        position += length;
        return segment;
    }
}
