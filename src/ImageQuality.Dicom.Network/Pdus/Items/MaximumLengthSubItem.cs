using System.Buffers;

namespace ImageQuality.Dicom.Network.Pdus.Items;

/// <summary>
/// Maximum Length sub-item, 51H (PS3.8 D.1): the longest P-DATA-TF variable field the sender of the item
/// accepts; 0 means no limit.
/// </summary>
internal static class MaximumLengthSubItem
{
    public const int Length = PduWriting.ItemHeaderLength + 4;

    public static void Write(IBufferWriter<byte> writer, uint maximumLength)
    {
        writer.WriteItemHeader(ItemType.MaximumLength, 4);
        writer.WriteUInt32(maximumLength);
    }

    public static uint Read(ReadOnlySequence<byte> body)
    {
        if (body.Length != 4)
        {
            throw PduReading.Invalid($"The maximum length sub-item is {body.Length} bytes long instead of 4");
        }

        var reader = new SequenceReader<byte>(body);
        return reader.ReadUInt32("the maximum length");
    }
}
