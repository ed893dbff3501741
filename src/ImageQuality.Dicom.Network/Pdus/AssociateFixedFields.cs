using System.Buffers;
using ImageQuality.Dicom.Network.Pdus.Items;

namespace ImageQuality.Dicom.Network.Pdus;

/// <summary>
/// The fields that A-ASSOCIATE-RQ and -AC share (PS3.8 9.3.2, 9.3.3): protocol version, two AE titles, 32
/// reserved bytes, then items: application context, presentation contexts, user information.
/// </summary>
internal static class AssociateFixedFields
{
    public const int Length = 68;

    /// <summary>Protocol version 1 is bit 0 (PS3.8 9.3.2).</summary>
    public const ushort ProtocolVersion1 = 0x0001;

    public static void Write(IBufferWriter<byte> writer, ushort protocolVersion, string calledAeTitle, string callingAeTitle)
    {
        writer.WriteUInt16(protocolVersion);
        writer.WriteZeros(2);
        writer.WriteAeTitle(calledAeTitle);
        writer.WriteAeTitle(callingAeTitle);
        writer.WriteZeros(32);
    }

    public static void Read(ref SequenceReader<byte> reader, out ushort protocolVersion, out string calledAeTitle, out string callingAeTitle)
    {
        if (reader.Remaining < Length)
        {
            throw PduReading.Invalid($"An A-ASSOCIATE PDU of {reader.Remaining} bytes is shorter than its {Length} fixed bytes");
        }

        protocolVersion = reader.ReadUInt16("the protocol version");
        reader.Skip(2, "reserved bytes");
        calledAeTitle = reader.ReadText(16, "the called AE title");
        callingAeTitle = reader.ReadText(16, "the calling AE title");
        reader.Skip(32, "reserved bytes");
    }

    /// <summary>Reads the items after the fixed fields; presentation context items go to <paramref name="onPresentationContext"/>.</summary>
    public static void ReadItems(
        ref SequenceReader<byte> reader,
        bool inRequest,
        Action<ReadOnlySequence<byte>> onPresentationContext,
        out string applicationContextName,
        out UserInformationItem userInformation)
    {
        string? context = null;
        UserInformationItem? user = null;
        ItemType expectedContextType = inRequest ? ItemType.PresentationContextRequest : ItemType.PresentationContextAccept;
        while (!reader.End)
        {
            ReadOnlySequence<byte> body = reader.ReadItem(out byte type, out _);
            if (type == (byte)ItemType.ApplicationContext)
            {
                if (context is not null)
                {
                    throw new DicomNetworkProtocolException(AbortReason.UnexpectedPduParameter, "More than one application context item");
                }

                context = ApplicationContextItem.Read(body);
            }
            else if (type == (byte)expectedContextType)
            {
                onPresentationContext(body);
            }
            else if (type == (byte)ItemType.UserInformation)
            {
                if (user is not null)
                {
                    throw new DicomNetworkProtocolException(AbortReason.UnexpectedPduParameter, "More than one user information item");
                }

                user = UserInformationItem.Read(body, inRequest);
            }
            else if (type is (byte)ItemType.PresentationContextRequest or (byte)ItemType.PresentationContextAccept)
            {
                throw new DicomNetworkProtocolException(AbortReason.UnexpectedPduParameter, $"Presentation context item 0x{type:X2} does not belong in an A-ASSOCIATE-{(inRequest ? "RQ" : "AC")}");
            }
            else
            {
                throw new DicomNetworkProtocolException(AbortReason.UnrecognizedPduParameter, $"Unknown item type 0x{type:X2} in an A-ASSOCIATE PDU");
            }
        }

        // A missing application context is answered by the negotiation (application context not supported).
        applicationContextName = context ?? string.Empty;
        userInformation = user ?? new UserInformationItem();
    }
}
