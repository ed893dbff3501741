using System.Buffers;

namespace ImageQuality.Dicom.Network.Pdus;

/// <summary>A-RELEASE-RP, type 06H (PS3.8 9.3.7): four reserved bytes.</summary>
public sealed class ReleaseResponsePdu : Pdu
{
    public static readonly ReleaseResponsePdu Instance = new();

    private ReleaseResponsePdu()
    {
    }

    public override PduType Type => PduType.ReleaseResponse;

    public override int GetBodyLength() => 4;

    protected override void WriteBody(IBufferWriter<byte> writer) => writer.WriteZeros(4);
}
