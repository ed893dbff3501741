using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ImageQuality.Dicom.Network.Pdus;

/// <summary>Big-endian field writers for PDUs, straight into an <see cref="IBufferWriter{T}"/>.</summary>
internal static class PduWriting
{
    public const int ItemHeaderLength = 4;

    public static void WriteByte(this IBufferWriter<byte> writer, byte value)
    {
        writer.GetSpan(1)[0] = value;
        writer.Advance(1);
    }

    public static void WriteUInt16(this IBufferWriter<byte> writer, ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(writer.GetSpan(2), value);
        writer.Advance(2);
    }

    public static void WriteUInt32(this IBufferWriter<byte> writer, uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(writer.GetSpan(4), value);
        writer.Advance(4);
    }

    public static void WriteZeros(this IBufferWriter<byte> writer, int count)
    {
        Span<byte> span = writer.GetSpan(count)[..count];
        span.Clear();
        writer.Advance(count);
    }

    public static void WriteText(this IBufferWriter<byte> writer, string text)
    {
        int n = Encoding.Latin1.GetBytes(text, writer.GetSpan(text.Length));
        writer.Advance(n);
    }

    /// <summary>An AE title field: 16 bytes, padded with spaces (PS3.8 9.3.2).</summary>
    public static void WriteAeTitle(this IBufferWriter<byte> writer, string aeTitle)
    {
        Span<byte> span = writer.GetSpan(16)[..16];
        span.Fill((byte)' ');
        Encoding.Latin1.GetBytes(aeTitle, span);
        writer.Advance(16);
    }

    public static void WriteItemHeader(this IBufferWriter<byte> writer, ItemType type, int bodyLength) =>
        writer.WriteItemHeader((byte)type, 0, bodyLength);

    public static void WriteItemHeader(this IBufferWriter<byte> writer, byte type, byte reserved, int bodyLength)
    {
        if (bodyLength > ushort.MaxValue)
        {
            throw new ArgumentException($"Item 0x{type:X2} would be {bodyLength} bytes long; items hold at most 65535");
        }

        writer.WriteByte(type);
        writer.WriteByte(reserved);
        writer.WriteUInt16((ushort)bodyLength);
    }

    /// <summary>An item whose body is one string (application context, syntaxes, implementation UID and name).</summary>
    public static void WriteTextItem(this IBufferWriter<byte> writer, ItemType type, string text)
    {
        writer.WriteItemHeader(type, text.Length);
        writer.WriteText(text);
    }

    public static int TextItemLength(string text) => ItemHeaderLength + text.Length;
}
