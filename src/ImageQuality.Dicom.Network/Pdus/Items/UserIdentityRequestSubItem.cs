using System.Buffers;

namespace ImageQuality.Dicom.Network.Pdus.Items;

/// <summary>User Identity Negotiation sub-item of the requestor, 58H (PS3.7 D.3.3.7.1).</summary>
public sealed class UserIdentityRequestSubItem
{
    public UserIdentityRequestSubItem(UserIdentityType identityType, bool positiveResponseRequested, ReadOnlyMemory<byte> primaryField, ReadOnlyMemory<byte> secondaryField)
    {
        IdentityType = identityType;
        PositiveResponseRequested = positiveResponseRequested;
        PrimaryField = primaryField;
        SecondaryField = secondaryField;
    }

    public UserIdentityType IdentityType { get; }

    public bool PositiveResponseRequested { get; }

    /// <summary>User name, ticket, assertion or token, by type.</summary>
    public ReadOnlyMemory<byte> PrimaryField { get; }

    /// <summary>The passcode for <see cref="UserIdentityType.UsernameAndPasscode"/>; empty otherwise.</summary>
    public ReadOnlyMemory<byte> SecondaryField { get; }

    internal int GetLength() => PduWriting.ItemHeaderLength + 2 + 2 + PrimaryField.Length + 2 + SecondaryField.Length;

    internal void Write(IBufferWriter<byte> writer)
    {
        writer.WriteItemHeader(ItemType.UserIdentityRequest, GetLength() - PduWriting.ItemHeaderLength);
        writer.WriteByte((byte)IdentityType);
        writer.WriteByte(PositiveResponseRequested ? (byte)1 : (byte)0);
        writer.WriteUInt16((ushort)PrimaryField.Length);
        writer.Write(PrimaryField.Span);
        writer.WriteUInt16((ushort)SecondaryField.Length);
        writer.Write(SecondaryField.Span);
    }

    internal static UserIdentityRequestSubItem Read(ReadOnlySequence<byte> body)
    {
        var reader = new SequenceReader<byte>(body);
        byte type = reader.ReadByte("the user identity type");
        byte positive = reader.ReadByte("the positive response requested flag");
        byte[] primary = reader.ReadBytes(reader.ReadUInt16("the primary field length"), "the user identity primary field");
        byte[] secondary = reader.ReadBytes(reader.ReadUInt16("the secondary field length"), "the user identity secondary field");
        if (type is < 1 or > 5)
        {
            throw PduReading.Invalid($"User identity type {type} is not defined");
        }

        return new UserIdentityRequestSubItem((UserIdentityType)type, positive == 1, primary, secondary);
    }
}
