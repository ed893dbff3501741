using System.Buffers;
using ImageQuality.Dicom.Network.Pdus.Items;

namespace ImageQuality.Dicom.Network.Pdus;

/// <summary>
/// A-ASSOCIATE-AC, type 02H (PS3.8 9.3.3). The AE titles repeat those of the request; receivers do not test them.
/// </summary>
public sealed class AssociateAcceptPdu : Pdu
{
    public override PduType Type => PduType.AssociateAccept;

    public ushort ProtocolVersion { get; init; } = AssociateFixedFields.ProtocolVersion1;

    public required string CalledAeTitle { get; init; }

    public required string CallingAeTitle { get; init; }

    public string ApplicationContextName { get; init; } = ApplicationContextItem.DicomApplicationContextName;

    public List<PresentationContextAcceptItem> PresentationContexts { get; init; } = [];

    public UserInformationItem UserInformation { get; init; } = new();

    public override int GetBodyLength()
    {
        int length = AssociateFixedFields.Length + ApplicationContextItem.GetLength(ApplicationContextName) + UserInformation.GetLength();
        foreach (PresentationContextAcceptItem pc in PresentationContexts)
        {
            length += pc.GetLength();
        }

        return length;
    }

    protected override void WriteBody(IBufferWriter<byte> writer)
    {
        AssociateFixedFields.Write(writer, ProtocolVersion, CalledAeTitle, CallingAeTitle);
        ApplicationContextItem.Write(writer, ApplicationContextName);
        foreach (PresentationContextAcceptItem pc in PresentationContexts)
        {
            pc.Write(writer);
        }

        UserInformation.Write(writer);
    }

    internal static AssociateAcceptPdu Read(ReadOnlySequence<byte> body)
    {
        var reader = new SequenceReader<byte>(body);
        AssociateFixedFields.Read(ref reader, out ushort version, out string called, out string calling);
        var contexts = new List<PresentationContextAcceptItem>();
        AssociateFixedFields.ReadItems(
            ref reader,
            inRequest: false,
            item => contexts.Add(PresentationContextAcceptItem.Read(item)),
            out string applicationContext,
            out UserInformationItem user);
        return new AssociateAcceptPdu
        {
            ProtocolVersion = version,
            CalledAeTitle = called,
            CallingAeTitle = calling,
            ApplicationContextName = applicationContext,
            PresentationContexts = contexts,
            UserInformation = user,
        };
    }
}
