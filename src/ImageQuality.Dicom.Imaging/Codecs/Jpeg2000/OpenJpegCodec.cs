using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace ImageQuality.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// JPEG 2000 (ISO/IEC 15444-1, PS3.5 A.4.4) and Part 2 multi-component through OpenJPEG 2.5, the library Debian
/// ships as libopenjp2-7; High-Throughput JPEG 2000 (15444-15) only where the host opts in, because OpenJPEG 2.5.0
/// can abort the whole process on malformed HT code-blocks. Raw codestreams and JP2 files are both read.
/// The headers are checked against the data set before OpenJPEG reads them (see <see cref="J2kHeaderGuard"/>), so
/// neither a lying header nor a huge declared size reaches its allocations. Output follows gdcmconv --raw (GDCM
/// uses the same OpenJPEG): samples as little endian integers of Bits Allocated, colour by pixel, and
/// YBR_RCT / YBR_ICT reported as RGB, since the decoder undoes the multi-component transform.
/// </summary>
public sealed unsafe class OpenJpegCodec : IFrameCodec
{
    private const int CodecJ2K = 0;
    private const int CodecJP2 = 2;

    private readonly Lazy<OpenJpegNative?> _native;
    private readonly bool _highThroughput;
    private string? _unavailableReason;

    public OpenJpegCodec()
        : this(OpenJpegNative.LibraryName, highThroughput: false)
    {
    }

    /// <param name="highThroughput">
    /// Also decode HTJ2K. Only for hosts that decode untrusted frames in a process they can afford to lose:
    /// OpenJPEG 2.5.0 asserts (SIGABRT) on some malformed HT code-blocks.
    /// </param>
    public OpenJpegCodec(bool highThroughput)
        : this(OpenJpegNative.LibraryName, highThroughput)
    {
    }

    internal OpenJpegCodec(string libraryName, bool highThroughput = false)
    {
        _highThroughput = highThroughput;
        _native = new Lazy<OpenJpegNative?>(() => OpenJpegNative.TryLoad(libraryName, out _unavailableReason));
        TransferSyntaxes = highThroughput ? [.. Jpeg2000Syntaxes, .. HighThroughputSyntaxes] : Jpeg2000Syntaxes;
    }

    public static IReadOnlyList<TransferSyntax> Jpeg2000Syntaxes { get; } =
    [
        TransferSyntax.JPEG2000Lossless,
        TransferSyntax.JPEG2000,
        TransferSyntax.JPEG2000MCLossless,
        TransferSyntax.JPEG2000MC,
    ];

    public static IReadOnlyList<TransferSyntax> HighThroughputSyntaxes { get; } =
    [
        TransferSyntax.HTJ2KLossless,
        TransferSyntax.HTJ2KLosslessRPCL,
        TransferSyntax.HTJ2K,
    ];

    /// <summary>Why HTJ2K is not registered by default; the registry reports it for those syntaxes.</summary>
    public const string HighThroughputOffReason =
        "HTJ2K decoding is off: OpenJPEG 2.5.0 can abort the process on malformed HT code-blocks (uclouvain/openjpeg#1500); a host that isolates decoding can register new OpenJpegCodec(highThroughput: true)";

    public IReadOnlyList<TransferSyntax> TransferSyntaxes { get; }

    public bool IsAvailable => _native.Value is not null;

    public string? UnavailableReason => IsAvailable ? null : _unavailableReason;

    /// <summary>The OpenJPEG version in use (for reports), or null when unavailable.</summary>
    public string? LibraryVersion => _native.Value?.VersionText;

    public PixelDataDescription Decode(ReadOnlySpan<byte> compressedFrame, PixelDataDescription description, Span<byte> destination)
    {
        OpenJpegNative native = _native.Value ?? throw new CodecUnavailableException(TransferSyntax.JPEG2000, _unavailableReason ?? "OpenJPEG is unavailable");
        if (destination.Length < description.FrameLength)
        {
            throw new ArgumentException("The destination is smaller than one frame.", nameof(destination));
        }

        if (description.BitsAllocated is not (8 or 16 or 32))
        {
            throw new DicomPixelDataException($"JPEG 2000 frames with Bits Allocated {description.BitsAllocated} are not supported.");
        }

        int format = DetectFormat(compressedFrame);
        J2kHeaderGuard.Check(J2kHeaderGuard.Codestream(compressedFrame, format == CodecJP2), description, _highThroughput);
        var messages = new OpjMessages();
        GCHandle messagesHandle = GCHandle.Alloc(messages);
        nint codec = 0;
        nint stream = 0;
        OpjImage* image = null;
        try
        {
            fixed (byte* data = compressedFrame)
            {
                var source = new OpjMemorySource { Data = data, Length = compressedFrame.Length };
                codec = native.CreateDecompress(format);
                if (codec == 0)
                {
                    throw new DicomPixelDataException("OpenJPEG could not create a decoder.");
                }

                void* client = (void*)GCHandle.ToIntPtr(messagesHandle);
                native.SetInfoHandler(codec, OpenJpegCallbacks.Info, client);
                native.SetWarningHandler(codec, OpenJpegCallbacks.Warning, client);
                native.SetErrorHandler(codec, OpenJpegCallbacks.Error, client);
                OpjDecoderParameters parameters;
                native.SetDefaultDecoderParameters(&parameters);
                Require(native.SetupDecoder(codec, &parameters), "setting up the decoder", messages);

                stream = native.StreamCreate((nuint)Math.Min(compressedFrame.Length, 1 << 20), 1);
                if (stream == 0)
                {
                    throw new DicomPixelDataException("OpenJPEG could not create a stream.");
                }

                native.StreamSetReadFunction(stream, OpenJpegCallbacks.Read);
                native.StreamSetSkipFunction(stream, OpenJpegCallbacks.Skip);
                native.StreamSetSeekFunction(stream, OpenJpegCallbacks.Seek);
                native.StreamSetUserData(stream, &source, 0);
                native.StreamSetUserDataLength(stream, (ulong)compressedFrame.Length);

                Require(native.ReadHeader(stream, codec, &image), "reading the main header", messages);
                CheckImage(image, description, decoded: false);
                Require(native.DecodeImage(codec, stream, image), "decoding the frame", messages);
                Require(native.EndDecompress(codec, stream), "finishing the codestream", messages);
                CheckImage(image, description, decoded: true);
                CopySamples(image, description, destination);
            }
        }
        finally
        {
            if (image is not null)
            {
                native.ImageDestroy(image);
            }

            if (stream != 0)
            {
                native.StreamDestroy(stream);
            }

            if (codec != 0)
            {
                native.DestroyCodec(codec);
            }

            messagesHandle.Free();
        }

        return DecodedDescription(description);
    }

    /// <summary>The decoder undoes the reversible or irreversible colour transform, so YBR_RCT/ICT frames come out RGB.</summary>
    internal static PixelDataDescription DecodedDescription(PixelDataDescription d)
    {
        if (d.SamplesPerPixel == 1)
        {
            return d;
        }

        string photometric = d.PhotometricInterpretation is "YBR_RCT" or "YBR_ICT" ? "RGB" : d.PhotometricInterpretation;
        return d with { PhotometricInterpretation = photometric, PlanarConfiguration = 0 };
    }

    /// <summary>A raw codestream starts with SOC SIZ (FF4F FF51); a JP2 file with its signature box.</summary>
    private static int DetectFormat(ReadOnlySpan<byte> frame)
    {
        if (frame.Length >= 4 && frame[0] == 0xFF && frame[1] == 0x4F && frame[2] == 0xFF && frame[3] == 0x51)
        {
            return CodecJ2K;
        }

        if (frame.Length >= 12 && BinaryPrimitives.ReadUInt32BigEndian(frame) == 12 && BinaryPrimitives.ReadUInt32BigEndian(frame[4..]) == 0x6A502020)
        {
            return CodecJP2;
        }

        throw new DicomPixelDataException($"The frame ({frame.Length} bytes) is neither a JPEG 2000 codestream (FF4F FF51) nor a JP2 file.");
    }

    private static void CheckImage(OpjImage* image, PixelDataDescription d, bool decoded)
    {
        if (image is null || image->Comps is null)
        {
            throw new DicomPixelDataException("OpenJPEG returned no image.");
        }

        if (image->NumComps != (uint)d.SamplesPerPixel)
        {
            throw new DicomPixelDataException($"The JPEG 2000 image has {image->NumComps} component(s); the data set says Samples per Pixel {d.SamplesPerPixel}.");
        }

        for (int c = 0; c < d.SamplesPerPixel; c++)
        {
            OpjImageComp* comp = &image->Comps[c];
            if (comp->Dx != 1 || comp->Dy != 1)
            {
                throw new DicomPixelDataException($"JPEG 2000 component {c} is subsampled ({comp->Dx}x{comp->Dy}); DICOM frames hold every sample.");
            }

            if (comp->W != (uint)d.Columns || comp->H != (uint)d.Rows)
            {
                throw new DicomPixelDataException($"JPEG 2000 component {c} is {comp->W}x{comp->H}; the data set says {d.Columns}x{d.Rows} (Columns x Rows).");
            }

            if (comp->Prec is 0 || comp->Prec > (uint)d.BitsAllocated)
            {
                throw new DicomPixelDataException($"JPEG 2000 component {c} has {comp->Prec}-bit samples, which Bits Allocated {d.BitsAllocated} cannot hold.");
            }

            if (decoded && comp->Data is null)
            {
                throw new DicomPixelDataException($"OpenJPEG decoded no samples for component {c}.");
            }
        }
    }

    /// <summary>Each component's int32 samples, truncated to Bits Allocated (two's complement kept), colour by pixel.</summary>
    private static void CopySamples(OpjImage* image, PixelDataDescription d, Span<byte> destination)
    {
        int samples = d.SamplesPerPixel;
        int pixels = d.Rows * d.Columns;
        for (int c = 0; c < samples; c++)
        {
            var values = new ReadOnlySpan<int>(image->Comps[c].Data, pixels);
            switch (d.BitsAllocated)
            {
                case 8:
                    for (int p = 0; p < pixels; p++)
                    {
                        destination[(p * samples) + c] = (byte)values[p];
                    }

                    break;
                case 16:
                    Span<short> words = MemoryMarshal.Cast<byte, short>(destination);
                    for (int p = 0; p < pixels; p++)
                    {
                        words[(p * samples) + c] = BitConverter.IsLittleEndian ? (short)values[p] : BinaryPrimitives.ReverseEndianness((short)values[p]);
                    }

                    break;
                default:
                    for (int p = 0; p < pixels; p++)
                    {
                        BinaryPrimitives.WriteInt32LittleEndian(destination[(((p * samples) + c) * 4)..], values[p]);
                    }

                    break;
            }
        }
    }

    private static void Require(int ok, string step, OpjMessages messages)
    {
        if (ok != 0)
        {
            return;
        }

        string detail = messages.Errors.Count > 0 ? messages.Errors[0] : messages.Warnings.Count > 0 ? messages.Warnings[0] : "no message";
        throw new DicomPixelDataException($"JPEG 2000 decoding failed {step}: {detail}");
    }
}
