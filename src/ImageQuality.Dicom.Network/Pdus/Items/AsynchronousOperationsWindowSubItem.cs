using System.Buffers;

namespace ImageQuality.Dicom.Network.Pdus.Items;

/// <summary>
/// Asynchronous Operations Window sub-item, 53H (PS3.7 D.3.3.3): how many operations may be outstanding at
/// once in each direction. 1/1 means synchronous, the default when the item is absent; 0 means unlimited.
/// </summary>
public sealed record AsynchronousOperationsWindowSubItem(ushort MaxOperationsInvoked, ushort MaxOperationsPerformed)
{
    internal const int Length = PduWriting.ItemHeaderLength + 4;

    internal void Write(IBufferWriter<byte> writer)
    {
        writer.WriteItemHeader(ItemType.AsynchronousOperationsWindow, 4);
        writer.WriteUInt16(MaxOperationsInvoked);
        writer.WriteUInt16(MaxOperationsPerformed);
    }

    internal static AsynchronousOperationsWindowSubItem Read(ReadOnlySequence<byte> body)
    {
        if (body.Length != 4)
        {
            throw PduReading.Invalid($"The asynchronous operations window sub-item is {body.Length} bytes long instead of 4");
        }

        var reader = new SequenceReader<byte>(body);
        return new AsynchronousOperationsWindowSubItem(reader.ReadUInt16("max operations invoked"), reader.ReadUInt16("max operations performed"));
    }
}
