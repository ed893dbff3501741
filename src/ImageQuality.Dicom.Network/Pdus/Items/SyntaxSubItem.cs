using System.Buffers;

namespace ImageQuality.Dicom.Network.Pdus.Items;

/// <summary>Abstract Syntax (30H) and Transfer Syntax (40H) sub-items (PS3.8 9.3.2.2.1, 9.3.2.2.2): one UID each.</summary>
internal static class SyntaxSubItem
{
    public static int GetLength(string uid) => PduWriting.TextItemLength(uid);

    public static void Write(IBufferWriter<byte> writer, ItemType type, string uid) => writer.WriteTextItem(type, uid);

    public static string Read(ReadOnlySequence<byte> body, string what)
    {
        var reader = new SequenceReader<byte>(body);
        string uid = reader.ReadText((int)body.Length, what);
        if (uid.Length == 0)
        {
            throw PduReading.Invalid($"Empty {what}");
        }

        return uid;
    }
}
