using System.Runtime.InteropServices;

namespace ImageQuality.Dicom.Imaging.Tests;

/// <summary>
/// JPEG-LS streams of any sample precision through CharLS's encoder (libcharls2), for streams dcmcjpls never
/// writes: it always codes 16-bit data with P = 16, while other encoders use P = Bits Stored.
/// </summary>
internal static partial class CharLsTestEncoder
{
    private const string Library = "libcharls.so.2";

    /// <summary>One grayscale frame of <paramref name="precision"/>-bit samples (1 byte each up to 8 bits, else 2, little endian).</summary>
    public static byte[] Encode(ReadOnlySpan<byte> samples, int width, int height, int precision)
    {
        if (!NativeLibrary.TryLoad(Library, out nint handle))
        {
            Assert.Ignore($"{Library} is not installed (Debian package libcharls2); test skipped.");
        }

        NativeLibrary.Free(handle);
        nint encoder = EncoderCreate();
        try
        {
            var info = new FrameInfo { Width = (uint)width, Height = (uint)height, BitsPerSample = precision, ComponentCount = 1 };
            Check(SetFrameInfo(encoder, ref info));
            Check(EstimatedSize(encoder, out nuint size));
            byte[] destination = new byte[(int)size];
            Check(SetDestination(encoder, destination, size));
            Check(EncodeFromBuffer(encoder, samples.ToArray(), (nuint)samples.Length, 0));
            Check(BytesWritten(encoder, out nuint written));
            return destination.AsSpan(0, (int)written).ToArray();
        }
        finally
        {
            EncoderDestroy(encoder);
        }
    }

    private static void Check(int errc)
    {
        if (errc != 0)
        {
            throw new InvalidOperationException($"CharLS encoder error {errc}.");
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct FrameInfo
    {
        public uint Width;
        public uint Height;
        public int BitsPerSample;
        public int ComponentCount;
    }

    [LibraryImport(Library, EntryPoint = "charls_jpegls_encoder_create")]
    private static partial nint EncoderCreate();

    [LibraryImport(Library, EntryPoint = "charls_jpegls_encoder_destroy")]
    private static partial void EncoderDestroy(nint encoder);

    [LibraryImport(Library, EntryPoint = "charls_jpegls_encoder_set_frame_info")]
    private static partial int SetFrameInfo(nint encoder, ref FrameInfo info);

    [LibraryImport(Library, EntryPoint = "charls_jpegls_encoder_get_estimated_destination_size")]
    private static partial int EstimatedSize(nint encoder, out nuint size);

    [LibraryImport(Library, EntryPoint = "charls_jpegls_encoder_set_destination_buffer")]
    private static partial int SetDestination(nint encoder, byte[] destination, nuint size);

    [LibraryImport(Library, EntryPoint = "charls_jpegls_encoder_encode_from_buffer")]
    private static partial int EncodeFromBuffer(nint encoder, byte[] source, nuint size, uint stride);

    [LibraryImport(Library, EntryPoint = "charls_jpegls_encoder_get_bytes_written")]
    private static partial int BytesWritten(nint encoder, out nuint written);
}
