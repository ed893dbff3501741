using System.Buffers;
using ImageQuality.Dicom.Network.Pdus;

namespace ImageQuality.Dicom.Network.Tests.Pdus;

internal static class PduTestHelpers
{
    public static Pdu RoundTrip(Pdu pdu) => Parse(pdu.ToArray());

    public static Pdu Parse(byte[] bytes, PduReadLimits? limits = null)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        PduReader.TryRead(ref buffer, limits ?? PduReadLimits.Default, out Pdu? pdu).Should().BeTrue();
        buffer.Length.Should().Be(0);
        return pdu!;
    }

    /// <summary>The same bytes cut into one-byte segments, to exercise reads across segment boundaries.</summary>
    public static ReadOnlySequence<byte> Fragmented(byte[] bytes)
    {
        Segment first = new(bytes.AsMemory(0, 1), 0);
        Segment last = first;
        for (int i = 1; i < bytes.Length; i++)
        {
            last = last.Append(bytes.AsMemory(i, 1));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    public static DicomNetworkProtocolException ParseFails(byte[] bytes, PduReadLimits? limits = null)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        try
        {
            PduReader.TryRead(ref buffer, limits ?? PduReadLimits.Default, out _);
        }
        catch (DicomNetworkProtocolException e)
        {
            return e;
        }

        Assert.Fail("The PDU was accepted");
        return null!;
    }

    /// <summary>Sets the 4-byte big-endian PDU length.</summary>
    public static byte[] WithPduLength(byte[] bytes, uint length)
    {
        byte[] copy = (byte[])bytes.Clone();
        copy[2] = (byte)(length >> 24);
        copy[3] = (byte)(length >> 16);
        copy[4] = (byte)(length >> 8);
        copy[5] = (byte)length;
        return copy;
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
