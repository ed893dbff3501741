using System.Runtime.InteropServices;

namespace ImageQuality.Dicom.Imaging.Codecs.JpegLs;

/// <summary>
/// The CharLS 2.x C decoder API (charls/charls_jpegls_decoder.h), bound through function pointers so that the
/// library name can be chosen at run time (and a missing library is a state, not a crash). All functions use the
/// platform's C calling convention; every one except create/destroy returns a charls_jpegls_errc (0 = success).
/// </summary>
internal sealed unsafe class CharLsNative
{
    public const string LibraryName = "libcharls.so.2";
    public const string DebianPackage = "libcharls2";

    private CharLsNative(NativeCodecLibrary library)
    {
        DecoderCreate = (delegate* unmanaged[Cdecl]<nint>)library.Export("charls_jpegls_decoder_create");
        DecoderDestroy = (delegate* unmanaged[Cdecl]<nint, void>)library.Export("charls_jpegls_decoder_destroy");
        SetSourceBuffer = (delegate* unmanaged[Cdecl]<nint, byte*, nuint, int>)library.Export("charls_jpegls_decoder_set_source_buffer");
        ReadHeader = (delegate* unmanaged[Cdecl]<nint, int>)library.Export("charls_jpegls_decoder_read_header");
        GetFrameInfo = (delegate* unmanaged[Cdecl]<nint, CharLsFrameInfo*, int>)library.Export("charls_jpegls_decoder_get_frame_info");
        GetInterleaveMode = (delegate* unmanaged[Cdecl]<nint, int*, int>)library.Export("charls_jpegls_decoder_get_interleave_mode");
        GetDestinationSize = (delegate* unmanaged[Cdecl]<nint, uint, nuint*, int>)library.Export("charls_jpegls_decoder_get_destination_size");
        DecodeToBuffer = (delegate* unmanaged[Cdecl]<nint, byte*, nuint, uint, int>)library.Export("charls_jpegls_decoder_decode_to_buffer");
        GetErrorMessage = (delegate* unmanaged[Cdecl]<int, byte*>)library.Export("charls_get_error_message");
    }

    /// <summary>charls_jpegls_decoder* charls_jpegls_decoder_create(void); null when out of memory.</summary>
    public delegate* unmanaged[Cdecl]<nint> DecoderCreate { get; }

    public delegate* unmanaged[Cdecl]<nint, void> DecoderDestroy { get; }

    /// <summary>(decoder, const void* source_buffer, size_t source_size_bytes).</summary>
    public delegate* unmanaged[Cdecl]<nint, byte*, nuint, int> SetSourceBuffer { get; }

    public delegate* unmanaged[Cdecl]<nint, int> ReadHeader { get; }

    public delegate* unmanaged[Cdecl]<nint, CharLsFrameInfo*, int> GetFrameInfo { get; }

    /// <summary>(decoder, charls_interleave_mode* mode): 0 none (by plane), 1 line, 2 sample.</summary>
    public delegate* unmanaged[Cdecl]<nint, int*, int> GetInterleaveMode { get; }

    /// <summary>(decoder, uint32_t stride (0 = packed), size_t* destination_size_bytes).</summary>
    public delegate* unmanaged[Cdecl]<nint, uint, nuint*, int> GetDestinationSize { get; }

    /// <summary>(decoder, void* destination, size_t destination_size_bytes, uint32_t stride); fails rather than overrun a too-small buffer.</summary>
    public delegate* unmanaged[Cdecl]<nint, byte*, nuint, uint, int> DecodeToBuffer { get; }

    /// <summary>const char* charls_get_error_message(charls_jpegls_errc): a static string.</summary>
    public delegate* unmanaged[Cdecl]<int, byte*> GetErrorMessage { get; }

    public static CharLsNative? TryLoad(string libraryName, out string? unavailableReason)
    {
        NativeCodecLibrary? library = NativeCodecLibrary.TryLoad(libraryName, DebianPackage, out unavailableReason);
        if (library is null)
        {
            return null;
        }

        try
        {
            return new CharLsNative(library);
        }
        catch (EntryPointNotFoundException e)
        {
            unavailableReason = $"{e.Message}: install CharLS 2.x, the Debian package {DebianPackage}";
            return null;
        }
    }

    public string ErrorMessage(int errc)
    {
        byte* message = GetErrorMessage(errc);
        string text = message is null ? "unknown error" : Marshal.PtrToStringUTF8((nint)message) ?? "unknown error";
        return $"{text} (CharLS error {errc})";
    }
}

/// <summary>charls_frame_info (16 bytes): width, height, bits_per_sample, component_count.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CharLsFrameInfo
{
    public uint Width;
    public uint Height;
    public int BitsPerSample;
    public int ComponentCount;
}
