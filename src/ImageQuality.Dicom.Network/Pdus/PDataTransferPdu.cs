using System.Buffers;

namespace ImageQuality.Dicom.Network.Pdus;

/// <summary>P-DATA-TF, type 04H (PS3.8 9.3.5): one or more presentation data values.</summary>
public sealed class PDataTransferPdu : Pdu
{
    public PDataTransferPdu(IReadOnlyList<PresentationDataValue> values) => Values = values;

    public override PduType Type => PduType.DataTransfer;

    public IReadOnlyList<PresentationDataValue> Values { get; }

    public override int GetBodyLength()
    {
        int length = 0;
        for (int i = 0; i < Values.Count; i++)
        {
            length += Values[i].EncodedLength;
        }

        return length;
    }

    protected override void WriteBody(IBufferWriter<byte> writer)
    {
        for (int i = 0; i < Values.Count; i++)
        {
            PresentationDataValue pdv = Values[i];
            writer.WriteUInt32((uint)(pdv.Data.Length + 2));
            writer.WriteByte(pdv.PresentationContextId);
            writer.WriteByte(pdv.MessageControlHeader);
            foreach (ReadOnlyMemory<byte> segment in pdv.Data)
            {
                writer.Write(segment.Span);
            }
        }
    }

    internal static PDataTransferPdu Read(ReadOnlySequence<byte> body)
    {
        var values = new List<PresentationDataValue>(1);
        var reader = new SequenceReader<byte>(body);
        while (!reader.End)
        {
            uint itemLength = reader.ReadUInt32("a PDV item length");
            if (itemLength < 2)
            {
                throw PduReading.Invalid($"PDV item length {itemLength} is shorter than its context ID and control header");
            }

            if (itemLength > reader.Remaining)
            {
                throw PduReading.Invalid($"PDV item length {itemLength} runs past the end of the P-DATA-TF ({reader.Remaining} bytes remain)");
            }

            byte contextId = reader.ReadByte("a PDV context ID");
            byte header = reader.ReadByte("a PDV message control header");
            if ((contextId & 1) == 0)
            {
                throw PduReading.Invalid($"PDV with even presentation context ID {contextId}");
            }

            int dataLength = (int)(itemLength - 2);
            values.Add(new PresentationDataValue(contextId, header, reader.UnreadSequence.Slice(0, dataLength)));
            reader.Advance(dataLength);
        }

        if (values.Count == 0)
        {
            throw PduReading.Invalid("P-DATA-TF without any presentation data value");
        }

        return new PDataTransferPdu(values);
    }
}
