using System.Buffers;

namespace ImageQuality.Dicom.Network.Pdus.Items;

/// <summary>User Identity Negotiation sub-item of the acceptor, 59H (PS3.7 D.3.3.7.2): the server response.</summary>
public sealed class UserIdentityAcceptSubItem
{
    public UserIdentityAcceptSubItem(ReadOnlyMemory<byte> serverResponse) => ServerResponse = serverResponse;

    /// <summary>Kerberos server ticket, SAML response or JWT; empty for user name types.</summary>
    public ReadOnlyMemory<byte> ServerResponse { get; }

    internal int GetLength() => PduWriting.ItemHeaderLength + 2 + ServerResponse.Length;

    internal void Write(IBufferWriter<byte> writer)
    {
        writer.WriteItemHeader(ItemType.UserIdentityAccept, GetLength() - PduWriting.ItemHeaderLength);
        writer.WriteUInt16((ushort)ServerResponse.Length);
        writer.Write(ServerResponse.Span);
    }

    internal static UserIdentityAcceptSubItem Read(ReadOnlySequence<byte> body)
    {
        var reader = new SequenceReader<byte>(body);
        return new UserIdentityAcceptSubItem(reader.ReadBytes(reader.ReadUInt16("the server response length"), "the server response"));
    }
}
