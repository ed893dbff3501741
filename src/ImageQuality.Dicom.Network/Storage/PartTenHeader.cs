using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ImageQuality.Dicom.Network.Storage;

/// <summary>
/// Writes the start of a Part 10 file (PS3.10 7.1): 128-byte preamble, "DICM", and the file meta information in
/// explicit VR little endian with its group length. The data set is appended after it as received, so this writes
/// the meta information alone, for any transfer syntax, deflated included.
/// </summary>
internal static class PartTenHeader
{
    public static byte[] Build(string sopClassUid, string sopInstanceUid, string transferSyntaxUid, string? sourceAeTitle)
    {
        var meta = new ArrayBufferWriter<byte>(256);
        WriteElement(meta, 0x0001, "OB", [0x00, 0x01]);
        WriteElement(meta, 0x0002, "UI", Uid(sopClassUid));
        WriteElement(meta, 0x0003, "UI", Uid(sopInstanceUid));
        WriteElement(meta, 0x0010, "UI", Uid(transferSyntaxUid));
        WriteElement(meta, 0x0012, "UI", Uid(DicomImplementation.ClassUid));
        WriteElement(meta, 0x0013, "SH", Text(DicomImplementation.VersionName));
        if (!string.IsNullOrWhiteSpace(sourceAeTitle))
        {
            WriteElement(meta, 0x0016, "AE", Text(sourceAeTitle.Trim()));
        }

        var file = new ArrayBufferWriter<byte>(132 + 12 + meta.WrittenCount);
        file.GetSpan(128)[..128].Clear();
        file.Advance(128);
        file.Write("DICM"u8);
        Span<byte> groupLength = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(groupLength, (uint)meta.WrittenCount);
        WriteElement(file, 0x0000, "UL", groupLength);
        file.Write(meta.WrittenSpan);
        return file.WrittenSpan.ToArray();
    }

    private static void WriteElement(ArrayBufferWriter<byte> w, ushort element, string vr, ReadOnlySpan<byte> value)
    {
        bool longLength = vr == "OB";
        Span<byte> header = w.GetSpan(12);
        BinaryPrimitives.WriteUInt16LittleEndian(header, 0x0002);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], element);
        header[4] = (byte)vr[0];
        header[5] = (byte)vr[1];
        if (longLength)
        {
            header[6] = 0;
            header[7] = 0;
            BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)value.Length);
            w.Advance(12);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], (ushort)value.Length);
            w.Advance(8);
        }

        w.Write(value);
    }

    /// <summary>UIDs are padded to even length with NUL (PS3.5 9.1).</summary>
    private static byte[] Uid(string uid) => Pad(Encoding.ASCII.GetBytes(uid.TrimEnd('\0', ' ')), 0);

    private static byte[] Text(string text) => Pad(Encoding.ASCII.GetBytes(text), (byte)' ');

    private static byte[] Pad(byte[] bytes, byte pad)
    {
        if ((bytes.Length & 1) == 0)
        {
            return bytes;
        }

        byte[] padded = new byte[bytes.Length + 1];
        bytes.CopyTo(padded, 0);
        padded[^1] = pad;
        return padded;
    }
}
