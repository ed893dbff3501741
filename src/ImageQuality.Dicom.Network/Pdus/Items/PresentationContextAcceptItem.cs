using System.Buffers;

namespace ImageQuality.Dicom.Network.Pdus.Items;

/// <summary>
/// Presentation Context item of an A-ASSOCIATE-AC, 21H (PS3.8 9.3.3.2): the result for one proposed context and,
/// when accepted, the one transfer syntax chosen.
/// </summary>
public sealed class PresentationContextAcceptItem
{
    public PresentationContextAcceptItem(byte id, PresentationContextResult result, string? transferSyntax)
    {
        Id = id;
        Result = result;
        TransferSyntax = transferSyntax;
    }

    public byte Id { get; }

    public PresentationContextResult Result { get; }

    /// <summary>The chosen syntax; not significant (and may be absent) when the context is not accepted.</summary>
    public string? TransferSyntax { get; }

    // A rejected context still carries a transfer syntax sub-item: dcmtk and others expect one.
    private string WrittenSyntax => TransferSyntax ?? string.Empty;

    internal int GetLength() => PduWriting.ItemHeaderLength + 4 + SyntaxSubItem.GetLength(WrittenSyntax);

    internal void Write(IBufferWriter<byte> writer)
    {
        writer.WriteItemHeader(ItemType.PresentationContextAccept, GetLength() - PduWriting.ItemHeaderLength);
        writer.WriteByte(Id);
        writer.WriteByte(0);
        writer.WriteByte((byte)Result);
        writer.WriteByte(0);
        SyntaxSubItem.Write(writer, ItemType.TransferSyntax, WrittenSyntax);
    }

    internal static PresentationContextAcceptItem Read(ReadOnlySequence<byte> body)
    {
        var reader = new SequenceReader<byte>(body);
        byte id = reader.ReadByte("the presentation context ID");
        reader.Skip(1, "the presentation context item");
        byte result = reader.ReadByte("the presentation context result");
        reader.Skip(1, "the presentation context item");
        PresentationContextIds.Check(id);
        if (result > (byte)PresentationContextResult.TransferSyntaxesNotSupported)
        {
            throw PduReading.Invalid($"Presentation context {id} has result {result}, which is not defined");
        }

        string? transferSyntax = null;
        while (!reader.End)
        {
            ReadOnlySequence<byte> sub = reader.ReadItem(out byte type, out _);
            if (type != (byte)ItemType.TransferSyntax)
            {
                throw new DicomNetworkProtocolException(AbortReason.UnrecognizedPduParameter, $"Unexpected sub-item 0x{type:X2} in accepted presentation context {id}");
            }

            if (transferSyntax is not null)
            {
                throw new DicomNetworkProtocolException(AbortReason.UnexpectedPduParameter, $"Accepted presentation context {id} has more than one transfer syntax");
            }

            var subReader = new SequenceReader<byte>(sub);
            transferSyntax = subReader.ReadText((int)sub.Length, "transfer syntax name");
        }

        var r = (PresentationContextResult)result;
        if (r == PresentationContextResult.Acceptance && string.IsNullOrEmpty(transferSyntax))
        {
            throw PduReading.Invalid($"Presentation context {id} is accepted without a transfer syntax");
        }

        return new PresentationContextAcceptItem(id, r, r == PresentationContextResult.Acceptance ? transferSyntax : null);
    }
}
