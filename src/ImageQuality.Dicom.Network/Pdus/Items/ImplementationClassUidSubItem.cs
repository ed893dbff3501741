using System.Buffers;

namespace ImageQuality.Dicom.Network.Pdus.Items;

/// <summary>Implementation Class UID sub-item, 52H (PS3.7 D.3.3.2).</summary>
internal static class ImplementationClassUidSubItem
{
    public static int GetLength(string uid) => PduWriting.TextItemLength(uid);

    public static void Write(IBufferWriter<byte> writer, string uid) => writer.WriteTextItem(ItemType.ImplementationClassUid, uid);

    public static string Read(ReadOnlySequence<byte> body)
    {
        var reader = new SequenceReader<byte>(body);
        return reader.ReadText((int)body.Length, "the implementation class UID");
    }
}
