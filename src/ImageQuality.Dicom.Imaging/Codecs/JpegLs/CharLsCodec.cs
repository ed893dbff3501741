using System.Buffers;
using System.Buffers.Binary;

namespace ImageQuality.Dicom.Imaging.Codecs.JpegLs;

/// <summary>
/// JPEG-LS lossless and near-lossless (ISO/IEC 14495-1, PS3.5 A.4.3) through CharLS 2.x, the library Debian ships
/// as libcharls2. The frame header is checked against the data set before any pixel is decoded, and CharLS is
/// always given the exact size of the buffer it writes to, so a codestream that lies cannot make it write outside.
/// Output follows dcmdjpls: samples of 9-16 bits as 16-bit little endian, colour laid out as the data set's
/// Planar Configuration says whatever the interleave mode of the scan.
/// </summary>
public sealed unsafe class CharLsCodec : IFrameCodec
{
    private const int InterleaveNone = 0;

    private readonly Lazy<CharLsNative?> _native;
    private string? _unavailableReason;

    public CharLsCodec()
        : this(CharLsNative.LibraryName)
    {
    }

    internal CharLsCodec(string libraryName)
    {
        _native = new Lazy<CharLsNative?>(() => CharLsNative.TryLoad(libraryName, out _unavailableReason));
    }

    public IReadOnlyList<TransferSyntax> TransferSyntaxes { get; } = [TransferSyntax.JPEGLSLossless, TransferSyntax.JPEGLSNearLossless];

    public bool IsAvailable => _native.Value is not null;

    public string? UnavailableReason => IsAvailable ? null : _unavailableReason;

    public PixelDataDescription Decode(ReadOnlySpan<byte> compressedFrame, PixelDataDescription description, Span<byte> destination)
    {
        CharLsNative native = _native.Value ?? throw new CodecUnavailableException(TransferSyntax.JPEGLSLossless, _unavailableReason ?? "CharLS is unavailable");
        if (destination.Length < description.FrameLength)
        {
            throw new ArgumentException("The destination is smaller than one frame.", nameof(destination));
        }

        if (description.BitsAllocated is not (8 or 16))
        {
            throw new DicomPixelDataException($"JPEG-LS holds samples of 2 to 16 bits; Bits Allocated {description.BitsAllocated} cannot hold a JPEG-LS frame.");
        }

        if (compressedFrame.IsEmpty)
        {
            throw new DicomPixelDataException("The JPEG-LS frame is empty.");
        }

        if (EndsWithEndOfImage(compressedFrame))
        {
            return DecodeFrame(native, compressedFrame, description, destination);
        }

        // CharLS 2.4.1 (Debian 12) never returns when the scan data stops without a marker after it, as in a
        // truncated frame; with an EOI appended it meets the marker and reports the frame as invalid.
        byte[] terminated = ArrayPool<byte>.Shared.Rent(compressedFrame.Length + 2);
        try
        {
            compressedFrame.CopyTo(terminated);
            terminated[compressedFrame.Length] = 0xFF;
            terminated[compressedFrame.Length + 1] = 0xD9;
            return DecodeFrame(native, terminated.AsSpan(0, compressedFrame.Length + 2), description, destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(terminated);
        }
    }

    /// <summary>Whether the frame ends with the EOI marker (FFD9), ignoring the zero bytes that pad fragments to even length.</summary>
    internal static bool EndsWithEndOfImage(ReadOnlySpan<byte> frame)
    {
        int end = frame.Length;
        while (end > 0 && frame[end - 1] == 0)
        {
            end--;
        }

        return end >= 2 && frame[end - 2] == 0xFF && frame[end - 1] == 0xD9;
    }

    private static PixelDataDescription DecodeFrame(CharLsNative native, ReadOnlySpan<byte> compressedFrame, PixelDataDescription description, Span<byte> destination)
    {
        nint decoder = native.DecoderCreate();
        if (decoder == 0)
        {
            throw new DicomPixelDataException("CharLS could not create a decoder (out of memory).");
        }

        try
        {
            fixed (byte* source = compressedFrame)
            {
                Check(native, native.SetSourceBuffer(decoder, source, (nuint)compressedFrame.Length), "reading the frame");
                Check(native, native.ReadHeader(decoder), "reading the JPEG-LS header");
                CharLsFrameInfo info;
                Check(native, native.GetFrameInfo(decoder, &info), "reading the frame header");
                int interleave;
                Check(native, native.GetInterleaveMode(decoder, &interleave), "reading the interleave mode");
                int sampleBytes = CheckFrame(info, description);

                // CharLS writes width x height x components samples of 1 (2-8 bits) or 2 bytes; it must agree.
                long decodedLength = (long)description.Rows * description.Columns * description.SamplesPerPixel * sampleBytes;
                nuint size;
                Check(native, native.GetDestinationSize(decoder, 0, &size), "sizing the frame");
                if ((ulong)size != (ulong)decodedLength)
                {
                    throw new DicomPixelDataException($"CharLS needs {size} bytes for the frame; {description.Rows}x{description.Columns}x{description.SamplesPerPixel} samples of {sampleBytes} byte(s) are {decodedLength}.");
                }

                bool direct = sampleBytes == description.BytesPerSample
                    && (description.SamplesPerPixel == 1 || (interleave == InterleaveNone) == (description.PlanarConfiguration == 1));
                if (direct)
                {
                    fixed (byte* target = destination)
                    {
                        Check(native, native.DecodeToBuffer(decoder, target, (nuint)decodedLength, 0), "decoding the frame");
                    }

                    return description;
                }

                byte[] decoded = ArrayPool<byte>.Shared.Rent((int)decodedLength);
                try
                {
                    fixed (byte* target = decoded)
                    {
                        Check(native, native.DecodeToBuffer(decoder, target, (nuint)decodedLength, 0), "decoding the frame");
                    }

                    Relayout(decoded.AsSpan(0, (int)decodedLength), sampleBytes, interleave == InterleaveNone, description, destination);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(decoded);
                }

                return description;
            }
        }
        finally
        {
            native.DecoderDestroy(decoder);
        }
    }

    /// <summary>The frame header must describe the image the data set describes; returns CharLS's bytes per sample.</summary>
    private static int CheckFrame(CharLsFrameInfo info, PixelDataDescription d)
    {
        if (info.Width != (uint)d.Columns || info.Height != (uint)d.Rows)
        {
            throw new DicomPixelDataException($"The JPEG-LS frame is {info.Width}x{info.Height}; the data set says {d.Columns}x{d.Rows} (Columns x Rows).");
        }

        if (info.ComponentCount != d.SamplesPerPixel)
        {
            throw new DicomPixelDataException($"The JPEG-LS frame has {info.ComponentCount} component(s); the data set says Samples per Pixel {d.SamplesPerPixel}.");
        }

        if (info.BitsPerSample is < 2 or > 16 || info.BitsPerSample > d.BitsAllocated)
        {
            throw new DicomPixelDataException($"The JPEG-LS frame has {info.BitsPerSample}-bit samples, which Bits Allocated {d.BitsAllocated} cannot hold.");
        }

        return info.BitsPerSample <= 8 ? 1 : 2;
    }

    /// <summary>From CharLS's layout (planar or by pixel, 1 or 2 bytes a sample) to the data set's.</summary>
    private static void Relayout(ReadOnlySpan<byte> decoded, int sampleBytes, bool decodedPlanar, PixelDataDescription d, Span<byte> destination)
    {
        int pixels = d.Rows * d.Columns;
        int samples = d.SamplesPerPixel;
        int outBytes = d.BytesPerSample;
        bool outPlanar = d.PlanarConfiguration == 1 && samples > 1;
        for (int s = 0; s < samples; s++)
        {
            for (int p = 0; p < pixels; p++)
            {
                int from = decodedPlanar ? (s * pixels) + p : (p * samples) + s;
                int to = outPlanar ? (s * pixels) + p : (p * samples) + s;
                ushort value = sampleBytes == 1 ? decoded[from] : BinaryPrimitives.ReadUInt16LittleEndian(decoded[(from * 2)..]);
                if (outBytes == 1)
                {
                    destination[to] = (byte)value;
                }
                else
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(destination[(to * 2)..], value);
                }
            }
        }
    }

    private static void Check(CharLsNative native, int errc, string step)
    {
        if (errc != 0)
        {
            throw new DicomPixelDataException($"JPEG-LS decoding failed {step}: {native.ErrorMessage(errc)}.");
        }
    }
}
