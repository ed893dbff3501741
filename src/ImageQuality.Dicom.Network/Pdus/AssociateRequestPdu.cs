using System.Buffers;
using ImageQuality.Dicom.Network.Pdus.Items;

namespace ImageQuality.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RQ, type 01H (PS3.8 9.3.2).</summary>
public sealed class AssociateRequestPdu : Pdu
{
    public override PduType Type => PduType.AssociateRequest;

    /// <summary>A bit per supported protocol version; version 1 is bit 0 and is the only one tested (PS3.8 9.3.2).</summary>
    public ushort ProtocolVersion { get; init; } = AssociateFixedFields.ProtocolVersion1;

    public required string CalledAeTitle { get; init; }

    public required string CallingAeTitle { get; init; }

    public string ApplicationContextName { get; init; } = ApplicationContextItem.DicomApplicationContextName;

    public List<PresentationContextRequestItem> PresentationContexts { get; init; } = [];

    public UserInformationItem UserInformation { get; init; } = new();

    public override int GetBodyLength()
    {
        int length = AssociateFixedFields.Length + ApplicationContextItem.GetLength(ApplicationContextName) + UserInformation.GetLength();
        foreach (PresentationContextRequestItem pc in PresentationContexts)
        {
            length += pc.GetLength();
        }

        return length;
    }

    protected override void WriteBody(IBufferWriter<byte> writer)
    {
        AssociateFixedFields.Write(writer, ProtocolVersion, CalledAeTitle, CallingAeTitle);
        ApplicationContextItem.Write(writer, ApplicationContextName);
        foreach (PresentationContextRequestItem pc in PresentationContexts)
        {
            pc.Write(writer);
        }

        UserInformation.Write(writer);
    }

    internal static AssociateRequestPdu Read(ReadOnlySequence<byte> body)
    {
        var reader = new SequenceReader<byte>(body);
        AssociateFixedFields.Read(ref reader, out ushort version, out string called, out string calling);
        var contexts = new List<PresentationContextRequestItem>();
        AssociateFixedFields.ReadItems(
            ref reader,
            inRequest: true,
            item =>
            {
                PresentationContextRequestItem pc = PresentationContextRequestItem.Read(item);
                if (contexts.Exists(c => c.Id == pc.Id))
                {
                    throw PduReading.Invalid($"Presentation context ID {pc.Id} is proposed twice");
                }

                contexts.Add(pc);
            },
            out string applicationContext,
            out UserInformationItem user);
        return new AssociateRequestPdu
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
