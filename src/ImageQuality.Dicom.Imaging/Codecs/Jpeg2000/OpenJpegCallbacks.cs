using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ImageQuality.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>The bytes OpenJPEG reads from: a pinned frame, with the read position. Lives on the decoding thread's stack.</summary>
internal unsafe struct OpjMemorySource
{
    public byte* Data;
    public long Length;
    public long Position;
}

/// <summary>What OpenJPEG said while decoding one frame, kept instead of printed (it writes to stderr by default).</summary>
internal sealed class OpjMessages
{
    private const int Kept = 8;

    public List<string> Errors { get; } = [];

    public List<string> Warnings { get; } = [];

    public void Add(List<string> list, string message)
    {
        if (list.Count < Kept)
        {
            list.Add(message.Trim());
        }
    }
}

/// <summary>
/// The C callbacks OpenJPEG calls: stream reading over <see cref="OpjMemorySource"/> (never past its end) and
/// message handlers. They must not throw into native code, and do not.
/// </summary>
internal static unsafe class OpenJpegCallbacks
{
    public static nint Read => (nint)(delegate* unmanaged[Cdecl]<void*, nuint, OpjMemorySource*, nuint>)&ReadSource;

    public static nint Skip => (nint)(delegate* unmanaged[Cdecl]<long, OpjMemorySource*, long>)&SkipSource;

    public static nint Seek => (nint)(delegate* unmanaged[Cdecl]<long, OpjMemorySource*, int>)&SeekSource;

    public static nint Error => (nint)(delegate* unmanaged[Cdecl]<byte*, void*, void>)&OnError;

    public static nint Warning => (nint)(delegate* unmanaged[Cdecl]<byte*, void*, void>)&OnWarning;

    public static nint Info => (nint)(delegate* unmanaged[Cdecl]<byte*, void*, void>)&OnInfo;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static nuint ReadSource(void* buffer, nuint count, OpjMemorySource* source)
    {
        long remaining = source->Length - source->Position;
        if (remaining <= 0)
        {
            return nuint.MaxValue; // (OPJ_SIZE_T)-1: end of stream
        }

        long n = (ulong)count < (ulong)remaining ? (long)count : remaining;
        Buffer.MemoryCopy(source->Data + source->Position, buffer, n, n);
        source->Position += n;
        return (nuint)n;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static long SkipSource(long count, OpjMemorySource* source)
    {
        long target = source->Position + count;
        if (count > source->Length || target < 0 || target > source->Length)
        {
            source->Position = count < 0 ? 0 : source->Length;
            return -1;
        }

        source->Position = target;
        return count;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int SeekSource(long position, OpjMemorySource* source)
    {
        if (position < 0 || position > source->Length)
        {
            return 0;
        }

        source->Position = position;
        return 1;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnError(byte* message, void* client) => Record(message, client, error: true);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnWarning(byte* message, void* client) => Record(message, client, error: false);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnInfo(byte* message, void* client)
    {
        // Progress chatter ("Main header has been correctly decoded"): silenced, not kept.
    }

    private static void Record(byte* message, void* client, bool error)
    {
        try
        {
            if (client is null || message is null || GCHandle.FromIntPtr((nint)client).Target is not OpjMessages messages)
            {
                return;
            }

            string text = Marshal.PtrToStringUTF8((nint)message) ?? string.Empty;
            messages.Add(error ? messages.Errors : messages.Warnings, text);
        }
        catch (Exception)
        {
            // An exception must not unwind into OpenJPEG's C frames; losing one message is the lesser harm.
        }
    }
}
