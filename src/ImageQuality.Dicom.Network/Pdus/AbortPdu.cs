using System.Buffers;

namespace ImageQuality.Dicom.Network.Pdus;

/// <summary>A-ABORT, type 07H (PS3.8 9.3.8): source and, for provider aborts, the reason.</summary>
public sealed class AbortPdu : Pdu
{
    public AbortPdu(AbortSource source, AbortReason reason)
    {
        Source = source;
        Reason = reason;
    }

    public override PduType Type => PduType.Abort;

    public AbortSource Source { get; }

    public AbortReason Reason { get; }

    public override int GetBodyLength() => 4;

    public override string ToString() => $"A-ABORT source {(byte)Source}, reason {(byte)Reason}";

    protected override void WriteBody(IBufferWriter<byte> writer)
    {
        writer.WriteZeros(2);
        writer.WriteByte((byte)Source);
        writer.WriteByte((byte)Reason);
    }

    internal static AbortPdu Read(ReadOnlySequence<byte> body)
    {
        var reader = new SequenceReader<byte>(body);
        reader.Skip(2, "reserved bytes");
        byte source = reader.ReadByte("the abort source");
        byte reason = reader.ReadByte("the abort reason");

        // Reasons are not significant for a service-user abort; keep what came but never fail on it.
        return new AbortPdu((AbortSource)source, (AbortReason)reason);
    }
}
