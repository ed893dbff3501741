using System.IO.Compression;

namespace ImageQuality.Dicom.Imaging.Codecs;

/// <summary>
/// Deflated Image Frame Compression (1.2.840.10008.1.2.8.1, PS3.5 8.2.16 and A.4.13): each frame's native
/// little endian bytes compressed with raw Deflate (RFC 1951: no zlib header, no Adler-32), one frame per fragment.
/// Inflation stops at the frame's length, so a stream that would inflate to more (a decompression bomb) costs
/// no more memory or time than one frame and is reported instead of trusted.
/// </summary>
public sealed class DeflatedFrameCodec : IFrameCodec
{
    public IReadOnlyList<TransferSyntax> TransferSyntaxes { get; } = [TransferSyntax.DeflatedImageFrameCompression];

    public bool IsAvailable => true;

    public string? UnavailableReason => null;

    public unsafe PixelDataDescription Decode(ReadOnlySpan<byte> compressedFrame, PixelDataDescription description, Span<byte> destination)
    {
        long frameLength = description.FrameLength;
        if (destination.Length < frameLength)
        {
            throw new ArgumentException("The destination is smaller than one frame.", nameof(destination));
        }

        if (compressedFrame.IsEmpty)
        {
            throw new DicomPixelDataException("The deflated frame is empty.");
        }

        Span<byte> frame = destination[..(int)frameLength];
        fixed (byte* source = compressedFrame)
        {
            using var input = new UnmanagedMemoryStream(source, compressedFrame.Length);
            using var inflater = new DeflateStream(input, CompressionMode.Decompress);
            try
            {
                int produced = inflater.ReadAtLeast(frame, frame.Length, throwOnEndOfStream: false);
                if (produced < frame.Length)
                {
                    throw new DicomPixelDataException($"The deflated frame inflates to {produced} bytes; {description.Rows}x{description.Columns} frame needs {frame.Length}.");
                }

                // An encoder may have deflated the pad byte that makes an odd-length native frame even; anything
                // more is not this frame.
                Span<byte> excess = stackalloc byte[2];
                int extra = inflater.ReadAtLeast(excess, excess.Length, throwOnEndOfStream: false);
                if (extra > 1 || (extra == 1 && (frameLength % 2 == 0 || excess[0] != 0)))
                {
                    throw new DicomPixelDataException($"The deflated frame inflates to more than the {frame.Length} bytes of a {description.Rows}x{description.Columns} frame.");
                }
            }
            catch (InvalidDataException e)
            {
                throw new DicomPixelDataException($"The deflated frame is not a valid Deflate (RFC 1951) stream: {e.Message}", e);
            }
        }

        return description;
    }
}
