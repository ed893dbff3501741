using System.Buffers;

namespace ImageQuality.Dicom.Network.Pdus.Items;

/// <summary>
/// User Information item, 50H (PS3.8 9.3.2.3, 9.3.3.3; PS3.7 D.3.3): maximum length, implementation identity,
/// asynchronous operations window, role selection, extended negotiation and user identity sub-items.
/// Unknown sub-items are kept in <see cref="UnknownSubItems"/> and otherwise ignored.
/// </summary>
public sealed class UserInformationItem
{
    /// <summary>The longest P-DATA-TF variable field the sender accepts; 0 means no limit.</summary>
    public uint MaximumLength { get; set; }

    public string ImplementationClassUid { get; set; } = string.Empty;

    public string? ImplementationVersionName { get; set; }

    public AsynchronousOperationsWindowSubItem? AsynchronousOperationsWindow { get; set; }

    public List<RoleSelectionSubItem> RoleSelections { get; } = [];

    public List<SopClassExtendedNegotiationSubItem> SopClassExtendedNegotiations { get; } = [];

    /// <summary>Requestor only.</summary>
    public List<SopClassCommonExtendedNegotiationSubItem> SopClassCommonExtendedNegotiations { get; } = [];

    /// <summary>Requestor only.</summary>
    public UserIdentityRequestSubItem? UserIdentityRequest { get; set; }

    /// <summary>Acceptor only.</summary>
    public UserIdentityAcceptSubItem? UserIdentityAccept { get; set; }

    public List<UnknownSubItem> UnknownSubItems { get; } = [];

    internal int GetLength()
    {
        int length = PduWriting.ItemHeaderLength + MaximumLengthSubItem.Length;
        if (ImplementationClassUid.Length > 0)
        {
            length += ImplementationClassUidSubItem.GetLength(ImplementationClassUid);
        }

        if (AsynchronousOperationsWindow is not null)
        {
            length += AsynchronousOperationsWindowSubItem.Length;
        }

        foreach (RoleSelectionSubItem r in RoleSelections)
        {
            length += r.GetLength();
        }

        if (ImplementationVersionName is { Length: > 0 } name)
        {
            length += ImplementationVersionNameSubItem.GetLength(name);
        }

        foreach (SopClassExtendedNegotiationSubItem e in SopClassExtendedNegotiations)
        {
            length += e.GetLength();
        }

        foreach (SopClassCommonExtendedNegotiationSubItem c in SopClassCommonExtendedNegotiations)
        {
            length += c.GetLength();
        }

        length += UserIdentityRequest?.GetLength() ?? 0;
        length += UserIdentityAccept?.GetLength() ?? 0;
        foreach (UnknownSubItem u in UnknownSubItems)
        {
            length += u.GetLength();
        }

        return length;
    }

    /// <summary>Sub-items in ascending type order, as PS3.7 D.3.3 lists them.</summary>
    internal void Write(IBufferWriter<byte> writer)
    {
        writer.WriteItemHeader(ItemType.UserInformation, GetLength() - PduWriting.ItemHeaderLength);
        MaximumLengthSubItem.Write(writer, MaximumLength);
        if (ImplementationClassUid.Length > 0)
        {
            ImplementationClassUidSubItem.Write(writer, ImplementationClassUid);
        }

        AsynchronousOperationsWindow?.Write(writer);
        foreach (RoleSelectionSubItem r in RoleSelections)
        {
            r.Write(writer);
        }

        if (ImplementationVersionName is { Length: > 0 } name)
        {
            ImplementationVersionNameSubItem.Write(writer, name);
        }

        foreach (SopClassExtendedNegotiationSubItem e in SopClassExtendedNegotiations)
        {
            e.Write(writer);
        }

        foreach (SopClassCommonExtendedNegotiationSubItem c in SopClassCommonExtendedNegotiations)
        {
            c.Write(writer);
        }

        UserIdentityRequest?.Write(writer);
        UserIdentityAccept?.Write(writer);
        foreach (UnknownSubItem u in UnknownSubItems)
        {
            u.Write(writer);
        }
    }

    /// <param name="inRequest">Sub-items that only a requestor sends are unexpected in an A-ASSOCIATE-AC, and the other way round.</param>
    internal static UserInformationItem Read(ReadOnlySequence<byte> body, bool inRequest)
    {
        var item = new UserInformationItem();
        var reader = new SequenceReader<byte>(body);
        while (!reader.End)
        {
            ReadOnlySequence<byte> sub = reader.ReadItem(out byte type, out _);
            switch ((ItemType)type)
            {
                case ItemType.MaximumLength:
                    item.MaximumLength = MaximumLengthSubItem.Read(sub);
                    break;
                case ItemType.ImplementationClassUid:
                    item.ImplementationClassUid = ImplementationClassUidSubItem.Read(sub);
                    break;
                case ItemType.ImplementationVersionName:
                    item.ImplementationVersionName = ImplementationVersionNameSubItem.Read(sub);
                    break;
                case ItemType.AsynchronousOperationsWindow:
                    item.AsynchronousOperationsWindow = AsynchronousOperationsWindowSubItem.Read(sub);
                    break;
                case ItemType.RoleSelection:
                    item.RoleSelections.Add(RoleSelectionSubItem.Read(sub));
                    break;
                case ItemType.SopClassExtendedNegotiation:
                    item.SopClassExtendedNegotiations.Add(SopClassExtendedNegotiationSubItem.Read(sub));
                    break;
                case ItemType.SopClassCommonExtendedNegotiation when inRequest:
                    item.SopClassCommonExtendedNegotiations.Add(SopClassCommonExtendedNegotiationSubItem.Read(sub));
                    break;
                case ItemType.UserIdentityRequest when inRequest:
                    item.UserIdentityRequest = UserIdentityRequestSubItem.Read(sub);
                    break;
                case ItemType.UserIdentityAccept when !inRequest:
                    item.UserIdentityAccept = UserIdentityAcceptSubItem.Read(sub);
                    break;
                case ItemType.SopClassCommonExtendedNegotiation or ItemType.UserIdentityRequest or ItemType.UserIdentityAccept:
                    throw new DicomNetworkProtocolException(
                        AbortReason.UnexpectedPduParameter,
                        $"User information sub-item 0x{type:X2} does not belong in an A-ASSOCIATE-{(inRequest ? "RQ" : "AC")}");
                default:
                    item.UnknownSubItems.Add(new UnknownSubItem(type, sub.ToArray()));
                    break;
            }
        }

        return item;
    }
}
