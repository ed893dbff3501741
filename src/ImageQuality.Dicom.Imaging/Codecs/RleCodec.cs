using System.Buffers.Binary;

namespace ImageQuality.Dicom.Imaging.Codecs;

/// <summary>
/// RLE Lossless (PS3.5 Annex G), in managed code. A frame holds one PackBits-style segment per byte of each
/// sample, most significant byte first; segments are recombined into samples of the frame's planar configuration.
/// </summary>
public sealed class RleCodec : IFrameCodec
{
    private const int HeaderLength = 64;

    public IReadOnlyList<TransferSyntax> TransferSyntaxes { get; } = [TransferSyntax.RLELossless];

    public bool IsAvailable => true;

    public string? UnavailableReason => null;

    public PixelDataDescription Decode(ReadOnlySpan<byte> compressedFrame, PixelDataDescription description, Span<byte> destination)
    {
        if (description.BitsAllocated is not (8 or 16 or 32 or 64))
        {
            throw new DicomPixelDataException($"RLE Lossless with Bits Allocated {description.BitsAllocated} is not defined.");
        }

        if (compressedFrame.Length < HeaderLength)
        {
            throw new DicomPixelDataException($"The RLE frame is {compressedFrame.Length} bytes, shorter than its 64-byte header.");
        }

        int bytesPerSample = description.BytesPerSample;
        int samples = description.SamplesPerPixel;
        int expectedSegments = bytesPerSample * samples;
        uint segmentCount = BinaryPrimitives.ReadUInt32LittleEndian(compressedFrame);
        if (segmentCount != expectedSegments)
        {
            throw new DicomPixelDataException($"The RLE header declares {segmentCount} segments; {samples} sample(s) of {bytesPerSample} byte(s) need {expectedSegments}.");
        }

        int pixels = description.Rows * description.Columns;
        if (destination.Length < (long)pixels * expectedSegments)
        {
            throw new ArgumentException("The destination is smaller than one frame.", nameof(destination));
        }

        byte[] segment = new byte[pixels];
        for (int s = 0; s < segmentCount; s++)
        {
            uint start = BinaryPrimitives.ReadUInt32LittleEndian(compressedFrame[(4 + (s * 4))..]);
            uint end = s + 1 < segmentCount ? BinaryPrimitives.ReadUInt32LittleEndian(compressedFrame[(4 + ((s + 1) * 4))..]) : (uint)compressedFrame.Length;
            if (start < HeaderLength || start > end || end > compressedFrame.Length)
            {
                throw new DicomPixelDataException($"RLE segment {s + 1} has offsets {start}-{end} outside the {compressedFrame.Length}-byte frame.");
            }

            int produced = DecodeSegment(compressedFrame[(int)start..(int)end], segment);
            if (produced < pixels)
            {
                throw new DicomPixelDataException($"RLE segment {s + 1} decodes to {produced} bytes; the frame needs {pixels}.");
            }

            // Segment s holds byte (bytesPerSample - 1 - s % bytesPerSample) of sample s / bytesPerSample, little endian in the output.
            int sample = s / bytesPerSample;
            int byteInSample = bytesPerSample - 1 - (s % bytesPerSample);
            Scatter(segment, destination, description, sample, byteInSample);
        }

        return description;
    }

    private static void Scatter(ReadOnlySpan<byte> segment, Span<byte> destination, PixelDataDescription d, int sample, int byteInSample)
    {
        int bytesPerSample = d.BytesPerSample;
        int pixels = segment.Length;
        if (d.PlanarConfiguration == 1 && d.SamplesPerPixel > 1)
        {
            int planeStart = sample * pixels * bytesPerSample;
            for (int i = 0; i < pixels; i++)
            {
                destination[planeStart + (i * bytesPerSample) + byteInSample] = segment[i];
            }

            return;
        }

        int stride = d.SamplesPerPixel * bytesPerSample;
        int offset = (sample * bytesPerSample) + byteInSample;
        if (stride == 1)
        {
            segment.CopyTo(destination);
            return;
        }

        for (int i = 0; i < pixels; i++)
        {
            destination[(i * stride) + offset] = segment[i];
        }
    }

    /// <summary>PackBits: n in 0..127 copies n+1 bytes; n in -127..-1 repeats the next byte 1-n times; -128 does nothing.</summary>
    /// <returns>Bytes written; decoding stops when the output is full (encoders may pad a segment).</returns>
    internal static int DecodeSegment(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int i = 0;
        int o = 0;
        while (i < input.Length && o < output.Length)
        {
            sbyte n = (sbyte)input[i++];
            if (n >= 0)
            {
                int count = n + 1;
                if (i + count > input.Length)
                {
                    throw new DicomPixelDataException("An RLE literal run goes past the end of its segment.");
                }

                count = Math.Min(count, output.Length - o);
                input.Slice(i, count).CopyTo(output[o..]);
                i += n + 1;
                o += count;
            }
            else if (n != -128)
            {
                if (i >= input.Length)
                {
                    throw new DicomPixelDataException("An RLE replicate run has no byte to repeat.");
                }

                int count = Math.Min(1 - n, output.Length - o);
                output.Slice(o, count).Fill(input[i++]);
                o += count;
            }
        }

        return o;
    }
}
