using System.Buffers;

namespace ImageQuality.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RJ, type 03H (PS3.8 9.3.4): result, source and reason; see <see cref="RejectReason"/>.</summary>
public sealed class AssociateRejectPdu : Pdu
{
    public AssociateRejectPdu(RejectResult result, RejectSource source, byte reason)
    {
        Result = result;
        Source = source;
        Reason = reason;
    }

    public override PduType Type => PduType.AssociateReject;

    public RejectResult Result { get; }

    public RejectSource Source { get; }

    public byte Reason { get; }

    public override int GetBodyLength() => 4;

    public override string ToString() => $"A-ASSOCIATE-RJ result {(byte)Result}, source {(byte)Source}, reason {Reason}";

    protected override void WriteBody(IBufferWriter<byte> writer)
    {
        writer.WriteByte(0);
        writer.WriteByte((byte)Result);
        writer.WriteByte((byte)Source);
        writer.WriteByte(Reason);
    }

    internal static AssociateRejectPdu Read(ReadOnlySequence<byte> body)
    {
        var reader = new SequenceReader<byte>(body);
        reader.Skip(1, "the reserved byte");
        byte result = reader.ReadByte("the result");
        byte source = reader.ReadByte("the source");
        byte reason = reader.ReadByte("the reason");
        if (result is < 1 or > 2 || source is < 1 or > 3)
        {
            throw PduReading.Invalid($"A-ASSOCIATE-RJ with undefined result {result} or source {source}");
        }

        return new AssociateRejectPdu((RejectResult)result, (RejectSource)source, reason);
    }
}
