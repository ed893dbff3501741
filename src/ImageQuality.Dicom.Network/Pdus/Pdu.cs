using System.Buffers;

namespace ImageQuality.Dicom.Network.Pdus;

/// <summary>
/// A protocol data unit of the DICOM upper layer (PS3.8 9.3): a 6-byte header (type, reserved, big-endian
/// length of the variable field) and the variable field.
/// </summary>
public abstract class Pdu
{
    public const int HeaderLength = 6;

    public abstract PduType Type { get; }

    /// <summary>The length of the variable field, as the PDU header states it.</summary>
    public abstract int GetBodyLength();

    public void WriteTo(IBufferWriter<byte> writer)
    {
        writer.WriteByte((byte)Type);
        writer.WriteByte(0);
        writer.WriteUInt32((uint)GetBodyLength());
        WriteBody(writer);
    }

    public byte[] ToArray()
    {
        var buffer = new ArrayBufferWriter<byte>(HeaderLength + GetBodyLength());
        WriteTo(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    protected abstract void WriteBody(IBufferWriter<byte> writer);
}
