using System.Buffers;

namespace ImageQuality.Dicom.Network.Pdus.Items;

/// <summary>
/// SOP Class Extended Negotiation sub-item, 56H (PS3.7 D.3.3.5): service-class-specific bytes for one SOP
/// class (for storage, PS3.4 B.3.1: level of support, digital signature, element coercion).
/// </summary>
public sealed class SopClassExtendedNegotiationSubItem
{
    public SopClassExtendedNegotiationSubItem(string sopClassUid, ReadOnlyMemory<byte> serviceClassApplicationInformation)
    {
        SopClassUid = sopClassUid;
        ServiceClassApplicationInformation = serviceClassApplicationInformation;
    }

    public string SopClassUid { get; }

    public ReadOnlyMemory<byte> ServiceClassApplicationInformation { get; }

    internal int GetLength() => PduWriting.ItemHeaderLength + 2 + SopClassUid.Length + ServiceClassApplicationInformation.Length;

    internal void Write(IBufferWriter<byte> writer)
    {
        writer.WriteItemHeader(ItemType.SopClassExtendedNegotiation, GetLength() - PduWriting.ItemHeaderLength);
        writer.WriteUInt16((ushort)SopClassUid.Length);
        writer.WriteText(SopClassUid);
        writer.Write(ServiceClassApplicationInformation.Span);
    }

    internal static SopClassExtendedNegotiationSubItem Read(ReadOnlySequence<byte> body)
    {
        var reader = new SequenceReader<byte>(body);
        ushort uidLength = reader.ReadUInt16("the extended negotiation UID length");
        string uid = reader.ReadText(uidLength, "the extended negotiation SOP class UID");
        byte[] info = reader.ReadBytes((int)reader.Remaining, "the service class application information");
        return new SopClassExtendedNegotiationSubItem(uid, info);
    }
}
