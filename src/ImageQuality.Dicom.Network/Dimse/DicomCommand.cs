using System.Buffers;
using System.Buffers.Binary;
using ImageQuality.Dicom.Dictionary;
using ImageQuality.Dicom.Network.Pdus;

namespace ImageQuality.Dicom.Network.Dimse;

/// <summary>
/// A DIMSE command set (PS3.7 6.3, 9.3, E.1): group 0000 elements, always encoded in implicit VR little endian
/// with (0000,0000) Command Group Length first.
/// </summary>
public sealed class DicomCommand
{
    /// <summary>Command Data Set Type value that says no data set follows (PS3.7 E.1).</summary>
    public const ushort NoDataSet = 0x0101;

    public DicomCommand(DicomDataset dataset) => Dataset = dataset;

    public DicomDataset Dataset { get; }

    public ushort CommandField => GetUInt16(DicomTag.CommandField);

    public ushort MessageId => GetUInt16(DicomTag.MessageID);

    public ushort MessageIdBeingRespondedTo => GetUInt16(DicomTag.MessageIDBeingRespondedTo);

    public bool HasDataSet => Dataset.TryGetUInt16(DicomTag.CommandDataSetType, out ushort type) && type != NoDataSet;

    public DicomStatus Status => new(GetUInt16(DicomTag.Status));

    public string? AffectedSopClassUid => Dataset.GetString(DicomTag.AffectedSOPClassUID);

    public string? AffectedSopInstanceUid => Dataset.GetString(DicomTag.AffectedSOPInstanceUID);

    public string? ErrorComment => Dataset.GetString(DicomTag.ErrorComment);

    public static DicomCommand CEchoRequest(ushort messageId) => new(new DicomDataset()
        .AddString(DicomTag.AffectedSOPClassUID, DicomVR.UI, DicomUids.Verification)
        .AddUInt16(DicomTag.CommandField, DimseCommandField.CEchoRequest)
        .AddUInt16(DicomTag.MessageID, messageId)
        .AddUInt16(DicomTag.CommandDataSetType, NoDataSet));

    public static DicomCommand CStoreRequest(ushort messageId, string sopClassUid, string sopInstanceUid, DimsePriority priority = DimsePriority.Medium) => new(new DicomDataset()
        .AddString(DicomTag.AffectedSOPClassUID, DicomVR.UI, sopClassUid)
        .AddUInt16(DicomTag.CommandField, DimseCommandField.CStoreRequest)
        .AddUInt16(DicomTag.MessageID, messageId)
        .AddUInt16(DicomTag.Priority, (ushort)priority)
        .AddUInt16(DicomTag.CommandDataSetType, 0x0000)
        .AddString(DicomTag.AffectedSOPInstanceUID, DicomVR.UI, sopInstanceUid));

    /// <summary>The response to <paramref name="request"/>: its command field with bit 15, its message ID and affected UIDs.</summary>
    public static DicomCommand Response(DicomCommand request, DicomStatus status, string? errorComment = null)
    {
        var ds = new DicomDataset();
        if (request.AffectedSopClassUid is { } sopClass)
        {
            ds.AddString(DicomTag.AffectedSOPClassUID, DicomVR.UI, sopClass);
        }

        ds.AddUInt16(DicomTag.CommandField, (ushort)(request.CommandField | DimseCommandField.ResponseBit));
        ds.AddUInt16(DicomTag.MessageIDBeingRespondedTo, request.MessageId);
        ds.AddUInt16(DicomTag.CommandDataSetType, NoDataSet);
        ds.AddUInt16(DicomTag.Status, status.Code);
        if (request.AffectedSopInstanceUid is { } sopInstance)
        {
            ds.AddString(DicomTag.AffectedSOPInstanceUID, DicomVR.UI, sopInstance);
        }

        if (!string.IsNullOrEmpty(errorComment) && !status.IsSuccess)
        {
            // Error Comment is LO: at most 64 characters (PS3.7 C.4, PS3.5 6.2).
            ds.AddString(DicomTag.ErrorComment, DicomVR.LO, errorComment.Length > 64 ? errorComment[..64] : errorComment);
        }

        return new DicomCommand(ds);
    }

    /// <summary>Encodes in implicit VR little endian with a correct Command Group Length.</summary>
    public byte[] Encode()
    {
        int bodyLength = 0;
        foreach (DicomElement e in Dataset)
        {
            if (!e.Tag.IsGroupLength)
            {
                bodyLength += 8 + e.Data.Length;
            }
        }

        var writer = new ArrayBufferWriter<byte>(12 + bodyLength);
        WriteElementHeader(writer, DicomTag.CommandGroupLength, 4);
        BinaryPrimitives.WriteUInt32LittleEndian(writer.GetSpan(4), (uint)bodyLength);
        writer.Advance(4);
        foreach (DicomElement e in Dataset)
        {
            if (e.Tag.IsGroupLength)
            {
                continue;
            }

            ReadOnlySpan<byte> value = e.Data.Span;
            WriteElementHeader(writer, e.Tag, value.Length);
            writer.Write(value);
        }

        return writer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Decodes a command set. Anything but whole group 0000 elements is a protocol error: a command that cannot be
    /// read cannot be answered.
    /// </summary>
    public static DicomCommand Decode(ReadOnlySpan<byte> bytes)
    {
        var ds = new DicomDataset();
        int offset = 0;
        while (offset < bytes.Length)
        {
            if (bytes.Length - offset < 8)
            {
                throw Invalid($"the command set ends inside an element header at offset {offset}");
            }

            var tag = new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(bytes[offset..]), BinaryPrimitives.ReadUInt16LittleEndian(bytes[(offset + 2)..]));
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(offset + 4)..]);
            offset += 8;
            if (tag.Group != 0x0000)
            {
                throw Invalid($"element {tag} in a command set, which holds group 0000 only");
            }

            if (length > (uint)(bytes.Length - offset))
            {
                throw Invalid($"element {tag} of length {length} runs past the command set");
            }

            DicomVR vr = DicomDictionary.Find(tag)?.DefaultVR is { } known && known != DicomVR.None ? known : DicomVR.UN;
            ds.Add(new DicomElement(tag, vr, bytes.Slice(offset, (int)length).ToArray()));
            offset += (int)length;
        }

        if (!ds.Contains(DicomTag.CommandField))
        {
            throw Invalid("the command set has no Command Field");
        }

        return new DicomCommand(ds);
    }

    public override string ToString() => $"command 0x{CommandField:X4} message {MessageId}";

    private ushort GetUInt16(DicomTag tag) => Dataset.TryGetUInt16(tag, out ushort v) ? v : (ushort)0;

    private static void WriteElementHeader(ArrayBufferWriter<byte> writer, DicomTag tag, int length)
    {
        Span<byte> span = writer.GetSpan(8);
        BinaryPrimitives.WriteUInt16LittleEndian(span, tag.Group);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], tag.Element);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)length);
        writer.Advance(8);
    }

    private static DicomNetworkProtocolException Invalid(string message) =>
        new(AbortReason.InvalidPduParameterValue, $"Malformed DIMSE command: {message}");
}
