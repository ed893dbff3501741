using System.Buffers;

namespace ImageQuality.Dicom.Network.Pdus.Items;

/// <summary>
/// SCP/SCU Role Selection sub-item, 54H (PS3.7 D.3.3.4): for one SOP class, whether the association-requestor
/// may act as SCU and as SCP. In an A-ASSOCIATE-AC the flags say which roles the acceptor agreed to.
/// </summary>
public sealed record RoleSelectionSubItem(string SopClassUid, bool ScuRole, bool ScpRole)
{
    internal int GetLength() => PduWriting.ItemHeaderLength + 2 + SopClassUid.Length + 2;

    internal void Write(IBufferWriter<byte> writer)
    {
        writer.WriteItemHeader(ItemType.RoleSelection, GetLength() - PduWriting.ItemHeaderLength);
        writer.WriteUInt16((ushort)SopClassUid.Length);
        writer.WriteText(SopClassUid);
        writer.WriteByte(ScuRole ? (byte)1 : (byte)0);
        writer.WriteByte(ScpRole ? (byte)1 : (byte)0);
    }

    internal static RoleSelectionSubItem Read(ReadOnlySequence<byte> body)
    {
        var reader = new SequenceReader<byte>(body);
        ushort uidLength = reader.ReadUInt16("the role selection UID length");
        string uid = reader.ReadText(uidLength, "the role selection SOP class UID");
        byte scu = reader.ReadByte("the SCU role");
        byte scp = reader.ReadByte("the SCP role");
        if (!reader.End)
        {
            throw PduReading.Invalid("The role selection sub-item is longer than its fields");
        }

        if (scu > 1 || scp > 1)
        {
            throw PduReading.Invalid($"Role selection values must be 0 or 1 (SCU {scu}, SCP {scp})");
        }

        return new RoleSelectionSubItem(uid, scu == 1, scp == 1);
    }
}
