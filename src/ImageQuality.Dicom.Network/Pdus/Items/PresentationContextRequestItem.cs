using System.Buffers;

namespace ImageQuality.Dicom.Network.Pdus.Items;

/// <summary>
/// Presentation Context item of an A-ASSOCIATE-RQ, 20H (PS3.8 9.3.2.2): an odd context ID, one abstract syntax
/// (the SOP class) and the transfer syntaxes the requestor offers for it.
/// </summary>
public sealed class PresentationContextRequestItem
{
    public PresentationContextRequestItem(byte id, string abstractSyntax, IReadOnlyList<string> transferSyntaxes)
    {
        Id = id;
        AbstractSyntax = abstractSyntax;
        TransferSyntaxes = transferSyntaxes;
    }

    /// <summary>Odd, 1 to 255 (PS3.8 9.3.2.2).</summary>
    public byte Id { get; }

    public string AbstractSyntax { get; }

    public IReadOnlyList<string> TransferSyntaxes { get; }

    internal int GetLength()
    {
        int length = PduWriting.ItemHeaderLength + 4 + SyntaxSubItem.GetLength(AbstractSyntax);
        foreach (string ts in TransferSyntaxes)
        {
            length += SyntaxSubItem.GetLength(ts);
        }

        return length;
    }

    internal void Write(IBufferWriter<byte> writer)
    {
        writer.WriteItemHeader(ItemType.PresentationContextRequest, GetLength() - PduWriting.ItemHeaderLength);
        writer.WriteByte(Id);
        writer.WriteZeros(3);
        SyntaxSubItem.Write(writer, ItemType.AbstractSyntax, AbstractSyntax);
        foreach (string ts in TransferSyntaxes)
        {
            SyntaxSubItem.Write(writer, ItemType.TransferSyntax, ts);
        }
    }

    internal static PresentationContextRequestItem Read(ReadOnlySequence<byte> body)
    {
        var reader = new SequenceReader<byte>(body);
        byte id = reader.ReadByte("the presentation context ID");
        reader.Skip(3, "the presentation context item");
        PresentationContextIds.Check(id);

        string? abstractSyntax = null;
        var transferSyntaxes = new List<string>();
        while (!reader.End)
        {
            ReadOnlySequence<byte> sub = reader.ReadItem(out byte type, out _);
            switch ((ItemType)type)
            {
                case ItemType.AbstractSyntax when abstractSyntax is null:
                    abstractSyntax = SyntaxSubItem.Read(sub, "abstract syntax name");
                    break;
                case ItemType.AbstractSyntax:
                    throw new DicomNetworkProtocolException(AbortReason.UnexpectedPduParameter, $"Presentation context {id} has more than one abstract syntax");
                case ItemType.TransferSyntax:
                    transferSyntaxes.Add(SyntaxSubItem.Read(sub, "transfer syntax name"));
                    break;
                default:
                    throw new DicomNetworkProtocolException(AbortReason.UnrecognizedPduParameter, $"Unknown sub-item 0x{type:X2} in presentation context {id}");
            }
        }

        if (abstractSyntax is null)
        {
            throw PduReading.Invalid($"Presentation context {id} has no abstract syntax");
        }

        if (transferSyntaxes.Count == 0)
        {
            throw PduReading.Invalid($"Presentation context {id} offers no transfer syntax");
        }

        return new PresentationContextRequestItem(id, abstractSyntax, transferSyntaxes);
    }
}
