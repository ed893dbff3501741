using System.Buffers;

namespace ImageQuality.Dicom.Network.Pdus;

/// <summary>A-RELEASE-RQ, type 05H (PS3.8 9.3.6): four reserved bytes.</summary>
public sealed class ReleaseRequestPdu : Pdu
{
    public static readonly ReleaseRequestPdu Instance = new();

    private ReleaseRequestPdu()
    {
    }

    public override PduType Type => PduType.ReleaseRequest;

    public override int GetBodyLength() => 4;

    protected override void WriteBody(IBufferWriter<byte> writer) => writer.WriteZeros(4);
}
