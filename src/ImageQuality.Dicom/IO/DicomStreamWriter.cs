using System.Buffers.Binary;

namespace ImageQuality.Dicom.IO;

/// <summary>Writes element headers and values in one byte order and VR encoding to a stream.</summary>
internal sealed class DicomStreamWriter
{
    private readonly Stream _stream;

    public DicomStreamWriter(Stream stream) => _stream = stream;

    public bool BigEndian { get; set; }

    public void WriteTag(DicomTag tag)
    {
        WriteUInt16(tag.Group);
        WriteUInt16(tag.Element);
    }

    public void WriteUInt16(ushort value)
    {
        Span<byte> b = stackalloc byte[2];
        if (BigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(b, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b, value);
        }

        _stream.Write(b);
    }

    public void WriteUInt32(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        if (BigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(b, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        }

        _stream.Write(b);
    }

    public void WriteVR(DicomVR vr)
    {
        Span<byte> b = [(byte)(vr.Code >> 8), (byte)vr.Code];
        _stream.Write(b);
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes) => _stream.Write(bytes);

    public void WriteByte(byte b) => _stream.WriteByte(b);

    /// <summary>Writes little endian value bytes, swapping units of <paramref name="swapSize"/> when big endian.</summary>
    public void WriteValue(ReadOnlySpan<byte> littleEndian, int swapSize)
    {
        if (!BigEndian || swapSize == 1)
        {
            _stream.Write(littleEndian);
            return;
        }

        byte[] copy = littleEndian.ToArray();
        ByteOrder.SwapInPlace(copy, swapSize);
        _stream.Write(copy);
    }
}
