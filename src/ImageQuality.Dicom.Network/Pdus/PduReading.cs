using System.Buffers;
using System.Text;

namespace ImageQuality.Dicom.Network.Pdus;

/// <summary>
/// Big-endian field readers for PDU bodies. Every read checks that the bytes are there: a field cut short by
/// its item or PDU is a malformed PDU (A-ABORT reason 6), never an exception of another kind.
/// </summary>
internal static class PduReading
{
    public static byte ReadByte(ref this SequenceReader<byte> reader, string what)
    {
        if (!reader.TryRead(out byte value))
        {
            throw Truncated(what);
        }

        return value;
    }

    public static ushort ReadUInt16(ref this SequenceReader<byte> reader, string what)
    {
        if (!reader.TryReadBigEndian(out short value))
        {
            throw Truncated(what);
        }

        return (ushort)value;
    }

    public static uint ReadUInt32(ref this SequenceReader<byte> reader, string what)
    {
        if (!reader.TryReadBigEndian(out int value))
        {
            throw Truncated(what);
        }

        return (uint)value;
    }

    public static void Skip(ref this SequenceReader<byte> reader, int count, string what)
    {
        if (reader.Remaining < count)
        {
            throw Truncated(what);
        }

        reader.Advance(count);
    }

    public static byte[] ReadBytes(ref this SequenceReader<byte> reader, int count, string what)
    {
        if (reader.Remaining < count)
        {
            throw Truncated(what);
        }

        byte[] bytes = new byte[count];
        reader.TryCopyTo(bytes);
        reader.Advance(count);
        return bytes;
    }

    /// <summary>
    /// Reads a UID, AE title or name from the default repertoire. Padding (spaces, and the NUL some
    /// implementations put after UIDs) is not significant.
    /// </summary>
    public static string ReadText(ref this SequenceReader<byte> reader, int count, string what)
    {
        if (reader.Remaining < count)
        {
            throw Truncated(what);
        }

        Span<byte> stack = count <= 256 ? stackalloc byte[count] : new byte[count];
        reader.TryCopyTo(stack);
        reader.Advance(count);
        return Encoding.Latin1.GetString(stack).Trim(' ', '\0');
    }

    /// <summary>
    /// Reads an item header (type, reserved, 2-byte length) and returns the item's body, checking that the
    /// declared length stays inside what encloses it.
    /// </summary>
    public static ReadOnlySequence<byte> ReadItem(ref this SequenceReader<byte> reader, out byte type, out byte reserved)
    {
        if (reader.Remaining < 4)
        {
            throw Truncated("item header");
        }

        reader.TryRead(out type);
        reader.TryRead(out reserved);
        ushort length = reader.ReadUInt16("item length");
        if (length > reader.Remaining)
        {
            throw new DicomNetworkProtocolException(
                AbortReason.InvalidPduParameterValue,
                $"Item 0x{type:X2} declares length {length} but only {reader.Remaining} bytes remain in what encloses it");
        }

        ReadOnlySequence<byte> body = reader.UnreadSequence.Slice(0, length);
        reader.Advance(length);
        return body;
    }

    public static DicomNetworkProtocolException Truncated(string what) =>
        new(AbortReason.InvalidPduParameterValue, $"The PDU ends inside {what}");

    public static DicomNetworkProtocolException Invalid(string message) =>
        new(AbortReason.InvalidPduParameterValue, message);
}
