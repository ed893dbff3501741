using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace ImageQuality.Dicom.Network.Pdus;

/// <summary>
/// Parses PDUs from a byte stream as it arrives (PS3.8 9.3). <see cref="TryRead"/> returns false while a whole
/// PDU is not yet there, and throws <see cref="DicomNetworkProtocolException"/> with the A-ABORT reason as soon
/// as the bytes cannot be a valid PDU: an unknown type, a length over the limits, an item that overruns.
/// </summary>
public static class PduReader
{
    /// <summary>
    /// Reads one PDU from the start of <paramref name="buffer"/> and on success moves the buffer past it.
    /// The data of P-DATA-TF values refers to <paramref name="buffer"/>'s memory.
    /// </summary>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, PduReadLimits limits, [NotNullWhen(true)] out Pdu? pdu)
    {
        pdu = null;
        if (!TryReadHeader(buffer, limits, out PduType type, out uint length))
        {
            return false;
        }

        long total = Pdu.HeaderLength + (long)length;
        if (buffer.Length < total)
        {
            return false;
        }

        ReadOnlySequence<byte> body = buffer.Slice(Pdu.HeaderLength, length);
        pdu = type switch
        {
            PduType.AssociateRequest => AssociateRequestPdu.Read(body),
            PduType.AssociateAccept => AssociateAcceptPdu.Read(body),
            PduType.AssociateReject => AssociateRejectPdu.Read(body),
            PduType.DataTransfer => PDataTransferPdu.Read(body),
            PduType.ReleaseRequest => ReleaseRequestPdu.Instance,
            PduType.ReleaseResponse => ReleaseResponsePdu.Instance,
            _ => AbortPdu.Read(body),
        };
        buffer = buffer.Slice(total);
        return true;
    }

    /// <summary>
    /// Reads and checks the 6-byte header. False when fewer than 6 bytes are there.
    /// </summary>
    public static bool TryReadHeader(in ReadOnlySequence<byte> buffer, PduReadLimits limits, out PduType type, out uint length)
    {
        type = default;
        length = 0;
        if (buffer.Length < Pdu.HeaderLength)
        {
            return false;
        }

        var reader = new SequenceReader<byte>(buffer);
        reader.TryRead(out byte t);
        reader.Advance(1);
        length = reader.ReadUInt32("the PDU length");
        if (t is < 1 or > 7)
        {
            throw new DicomNetworkProtocolException(AbortReason.UnrecognizedPdu, $"Unknown PDU type 0x{t:X2}");
        }

        type = (PduType)t;
        switch (type)
        {
            case PduType.DataTransfer when limits.MaxDataLength != 0 && length > limits.MaxDataLength:
                // Our announced maximum bounds the variable field (PS3.8 D.1); exceeding it is an invalid value.
                throw PduReading.Invalid($"P-DATA-TF of length {length} exceeds the negotiated maximum {limits.MaxDataLength}");
            case PduType.AssociateRequest or PduType.AssociateAccept when length > limits.MaxAssociateLength:
                throw PduReading.Invalid($"{type} PDU of length {length} exceeds the limit {limits.MaxAssociateLength}");
            case PduType.AssociateReject or PduType.ReleaseRequest or PduType.ReleaseResponse or PduType.Abort when length != 4:
                throw PduReading.Invalid($"{type} PDU of length {length}; it is always 4");
        }

        return true;
    }
}
