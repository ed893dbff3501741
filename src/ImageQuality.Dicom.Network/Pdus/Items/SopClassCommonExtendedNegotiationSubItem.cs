using System.Buffers;

namespace ImageQuality.Dicom.Network.Pdus.Items;

/// <summary>
/// SOP Class Common Extended Negotiation sub-item, 57H (PS3.7 D.3.3.6), sent by the requestor only: the
/// service class of a SOP class and the general SOP classes it specialises.
/// </summary>
public sealed class SopClassCommonExtendedNegotiationSubItem
{
    public SopClassCommonExtendedNegotiationSubItem(string sopClassUid, string serviceClassUid, IReadOnlyList<string> relatedGeneralSopClassUids)
    {
        SopClassUid = sopClassUid;
        ServiceClassUid = serviceClassUid;
        RelatedGeneralSopClassUids = relatedGeneralSopClassUids;
    }

    public string SopClassUid { get; }

    public string ServiceClassUid { get; }

    public IReadOnlyList<string> RelatedGeneralSopClassUids { get; }

    private int RelatedLength
    {
        get
        {
            int n = 0;
            foreach (string uid in RelatedGeneralSopClassUids)
            {
                n += 2 + uid.Length;
            }

            return n;
        }
    }

    internal int GetLength() => PduWriting.ItemHeaderLength + 2 + SopClassUid.Length + 2 + ServiceClassUid.Length + 2 + RelatedLength;

    internal void Write(IBufferWriter<byte> writer)
    {
        // The reserved byte is the sub-item version, 0 (PS3.7 Table D.3-12).
        writer.WriteItemHeader(ItemType.SopClassCommonExtendedNegotiation, GetLength() - PduWriting.ItemHeaderLength);
        writer.WriteUInt16((ushort)SopClassUid.Length);
        writer.WriteText(SopClassUid);
        writer.WriteUInt16((ushort)ServiceClassUid.Length);
        writer.WriteText(ServiceClassUid);
        writer.WriteUInt16((ushort)RelatedLength);
        foreach (string uid in RelatedGeneralSopClassUids)
        {
            writer.WriteUInt16((ushort)uid.Length);
            writer.WriteText(uid);
        }
    }

    internal static SopClassCommonExtendedNegotiationSubItem Read(ReadOnlySequence<byte> body)
    {
        var reader = new SequenceReader<byte>(body);
        string sopClass = reader.ReadText(reader.ReadUInt16("the SOP class UID length"), "the SOP class UID");
        string serviceClass = reader.ReadText(reader.ReadUInt16("the service class UID length"), "the service class UID");
        ushort relatedLength = reader.ReadUInt16("the related general SOP class identification length");
        if (relatedLength > reader.Remaining)
        {
            throw PduReading.Invalid($"The related general SOP class identification length {relatedLength} runs past the sub-item");
        }

        var related = new List<string>();
        var relatedReader = new SequenceReader<byte>(reader.UnreadSequence.Slice(0, relatedLength));
        while (!relatedReader.End)
        {
            related.Add(relatedReader.ReadText(relatedReader.ReadUInt16("a related SOP class UID length"), "a related general SOP class UID"));
        }

        return new SopClassCommonExtendedNegotiationSubItem(sopClass, serviceClass, related);
    }
}
