using System.Buffers;

namespace ImageQuality.Dicom.Network.Pdus.Items;

/// <summary>Application Context item, 10H (PS3.8 9.3.2.1): the one DICOM application context name.</summary>
public static class ApplicationContextItem
{
    /// <summary>The DICOM Application Context Name (PS3.7 A.2.1), the only one defined.</summary>
    public const string DicomApplicationContextName = "1.2.840.10008.3.1.1.1";

    internal static int GetLength(string name) => PduWriting.TextItemLength(name);

    internal static void Write(IBufferWriter<byte> writer, string name) =>
        writer.WriteTextItem(ItemType.ApplicationContext, name);

    internal static string Read(ReadOnlySequence<byte> body)
    {
        var reader = new SequenceReader<byte>(body);
        return reader.ReadText((int)body.Length, "the application context name");
    }
}
