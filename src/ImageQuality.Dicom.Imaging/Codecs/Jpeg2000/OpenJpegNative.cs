using System.Runtime.InteropServices;

namespace ImageQuality.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// The part of the OpenJPEG 2.5 C API (openjpeg-2.5/openjpeg.h) a decoder needs, bound through function pointers
/// so that the library name is chosen at run time. OPJ_BOOL is a C int; OPJ_SIZE_T is size_t; OPJ_OFF_T is int64_t.
/// </summary>
internal sealed unsafe class OpenJpegNative
{
    public const string LibraryName = "libopenjp2.so.7";
    public const string DebianPackage = "libopenjp2-7";

    private OpenJpegNative(NativeCodecLibrary library)
    {
        Version = (delegate* unmanaged[Cdecl]<byte*>)library.Export("opj_version");
        CreateDecompress = (delegate* unmanaged[Cdecl]<int, nint>)library.Export("opj_create_decompress");
        DestroyCodec = (delegate* unmanaged[Cdecl]<nint, void>)library.Export("opj_destroy_codec");
        SetDefaultDecoderParameters = (delegate* unmanaged[Cdecl]<OpjDecoderParameters*, void>)library.Export("opj_set_default_decoder_parameters");
        SetupDecoder = (delegate* unmanaged[Cdecl]<nint, OpjDecoderParameters*, int>)library.Export("opj_setup_decoder");
        SetInfoHandler = (delegate* unmanaged[Cdecl]<nint, nint, void*, int>)library.Export("opj_set_info_handler");
        SetWarningHandler = (delegate* unmanaged[Cdecl]<nint, nint, void*, int>)library.Export("opj_set_warning_handler");
        SetErrorHandler = (delegate* unmanaged[Cdecl]<nint, nint, void*, int>)library.Export("opj_set_error_handler");
        StreamCreate = (delegate* unmanaged[Cdecl]<nuint, int, nint>)library.Export("opj_stream_create");
        StreamDestroy = (delegate* unmanaged[Cdecl]<nint, void>)library.Export("opj_stream_destroy");
        StreamSetReadFunction = (delegate* unmanaged[Cdecl]<nint, nint, void>)library.Export("opj_stream_set_read_function");
        StreamSetSkipFunction = (delegate* unmanaged[Cdecl]<nint, nint, void>)library.Export("opj_stream_set_skip_function");
        StreamSetSeekFunction = (delegate* unmanaged[Cdecl]<nint, nint, void>)library.Export("opj_stream_set_seek_function");
        StreamSetUserData = (delegate* unmanaged[Cdecl]<nint, void*, nint, void>)library.Export("opj_stream_set_user_data");
        StreamSetUserDataLength = (delegate* unmanaged[Cdecl]<nint, ulong, void>)library.Export("opj_stream_set_user_data_length");
        ReadHeader = (delegate* unmanaged[Cdecl]<nint, nint, OpjImage**, int>)library.Export("opj_read_header");
        DecodeImage = (delegate* unmanaged[Cdecl]<nint, nint, OpjImage*, int>)library.Export("opj_decode");
        EndDecompress = (delegate* unmanaged[Cdecl]<nint, nint, int>)library.Export("opj_end_decompress");
        ImageDestroy = (delegate* unmanaged[Cdecl]<OpjImage*, void>)library.Export("opj_image_destroy");
    }

    /// <summary>const char* opj_version(void).</summary>
    public delegate* unmanaged[Cdecl]<byte*> Version { get; }

    /// <summary>opj_codec_t* opj_create_decompress(OPJ_CODEC_FORMAT): 0 J2K codestream, 2 JP2 file.</summary>
    public delegate* unmanaged[Cdecl]<int, nint> CreateDecompress { get; }

    public delegate* unmanaged[Cdecl]<nint, void> DestroyCodec { get; }

    public delegate* unmanaged[Cdecl]<OpjDecoderParameters*, void> SetDefaultDecoderParameters { get; }

    public delegate* unmanaged[Cdecl]<nint, OpjDecoderParameters*, int> SetupDecoder { get; }

    /// <summary>(codec, opj_msg_callback, void* client_data); the callback is void (const char* msg, void* client_data).</summary>
    public delegate* unmanaged[Cdecl]<nint, nint, void*, int> SetInfoHandler { get; }

    public delegate* unmanaged[Cdecl]<nint, nint, void*, int> SetWarningHandler { get; }

    public delegate* unmanaged[Cdecl]<nint, nint, void*, int> SetErrorHandler { get; }

    /// <summary>opj_stream_t* opj_stream_create(size_t buffer_size, OPJ_BOOL is_input).</summary>
    public delegate* unmanaged[Cdecl]<nuint, int, nint> StreamCreate { get; }

    public delegate* unmanaged[Cdecl]<nint, void> StreamDestroy { get; }

    /// <summary>Read callback: size_t (void* buffer, size_t count, void* user_data), (size_t)-1 at the end.</summary>
    public delegate* unmanaged[Cdecl]<nint, nint, void> StreamSetReadFunction { get; }

    /// <summary>Skip callback: int64_t (int64_t count, void* user_data), -1 on failure.</summary>
    public delegate* unmanaged[Cdecl]<nint, nint, void> StreamSetSkipFunction { get; }

    /// <summary>Seek callback: OPJ_BOOL (int64_t position, void* user_data).</summary>
    public delegate* unmanaged[Cdecl]<nint, nint, void> StreamSetSeekFunction { get; }

    /// <summary>(stream, void* user_data, free function or null).</summary>
    public delegate* unmanaged[Cdecl]<nint, void*, nint, void> StreamSetUserData { get; }

    public delegate* unmanaged[Cdecl]<nint, ulong, void> StreamSetUserDataLength { get; }

    /// <summary>OPJ_BOOL opj_read_header(stream, codec, opj_image_t** image).</summary>
    public delegate* unmanaged[Cdecl]<nint, nint, OpjImage**, int> ReadHeader { get; }

    /// <summary>OPJ_BOOL opj_decode(codec, stream, opj_image_t* image).</summary>
    public delegate* unmanaged[Cdecl]<nint, nint, OpjImage*, int> DecodeImage { get; }

    public delegate* unmanaged[Cdecl]<nint, nint, int> EndDecompress { get; }

    public delegate* unmanaged[Cdecl]<OpjImage*, void> ImageDestroy { get; }

    public static OpenJpegNative? TryLoad(string libraryName, out string? unavailableReason)
    {
        NativeCodecLibrary? library = NativeCodecLibrary.TryLoad(libraryName, DebianPackage, out unavailableReason);
        if (library is null)
        {
            return null;
        }

        try
        {
            return new OpenJpegNative(library);
        }
        catch (EntryPointNotFoundException e)
        {
            unavailableReason = $"{e.Message}: install OpenJPEG 2.x, the Debian package {DebianPackage}";
            return null;
        }
    }

    public string VersionText => Marshal.PtrToStringUTF8((nint)Version()) ?? "?";
}

/// <summary>opj_dparameters_t of OpenJPEG 2.5 (8252 bytes); only filled by opj_set_default_decoder_parameters.</summary>
[StructLayout(LayoutKind.Explicit, Size = 8252)]
internal struct OpjDecoderParameters
{
    /// <summary>cp_reduce: resolution levels to discard (0: full resolution).</summary>
    [FieldOffset(0)]
    public uint Reduce;

    /// <summary>cp_layer: quality layers to decode (0: all).</summary>
    [FieldOffset(4)]
    public uint Layer;

    [FieldOffset(8248)]
    public uint Flags;
}

/// <summary>opj_image_t (48 bytes on 64-bit platforms).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct OpjImage
{
    public uint X0;
    public uint Y0;
    public uint X1;
    public uint Y1;
    public uint NumComps;

    /// <summary>OPJ_COLOR_SPACE: -1 unknown, 0 unspecified, 1 sRGB, 2 grey, 3 sYCC, 4 e-YCC, 5 CMYK.</summary>
    public int ColorSpace;
    public OpjImageComp* Comps;
    public byte* IccProfileBuf;
    public uint IccProfileLen;
}

/// <summary>opj_image_comp_t (64 bytes on 64-bit platforms).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct OpjImageComp
{
    public uint Dx;
    public uint Dy;
    public uint W;
    public uint H;
    public uint X0;
    public uint Y0;
    public uint Prec;

    /// <summary>bpp: deprecated, kept for the layout.</summary>
    public uint Bpp;
    public uint Sgnd;
    public uint ResnoDecoded;
    public uint Factor;
    public int* Data;
    public ushort Alpha;
}
