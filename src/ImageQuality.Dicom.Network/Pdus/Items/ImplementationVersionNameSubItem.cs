using System.Buffers;

namespace ImageQuality.Dicom.Network.Pdus.Items;

/// <summary>Implementation Version Name sub-item, 55H (PS3.7 D.3.3.2): 1 to 16 characters.</summary>
internal static class ImplementationVersionNameSubItem
{
    public static int GetLength(string name) => PduWriting.TextItemLength(name);

    public static void Write(IBufferWriter<byte> writer, string name) => writer.WriteTextItem(ItemType.ImplementationVersionName, name);

    public static string Read(ReadOnlySequence<byte> body)
    {
        var reader = new SequenceReader<byte>(body);
        return reader.ReadText((int)body.Length, "the implementation version name");
    }
}
