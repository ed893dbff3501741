using System.Buffers;

namespace ImageQuality.Dicom.Network.Pdus.Items;

/// <summary>A user information sub-item of a type this implementation does not know; kept, and otherwise ignored.</summary>
public sealed class UnknownSubItem
{
    public UnknownSubItem(byte type, ReadOnlyMemory<byte> body)
    {
        Type = type;
        Body = body;
    }

    public byte Type { get; }

    public ReadOnlyMemory<byte> Body { get; }

    internal int GetLength() => PduWriting.ItemHeaderLength + Body.Length;

    internal void Write(IBufferWriter<byte> writer)
    {
        writer.WriteItemHeader(Type, 0, Body.Length);
        writer.Write(Body.Span);
    }
}
