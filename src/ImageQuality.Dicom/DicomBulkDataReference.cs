using System.Buffers.Binary;

namespace ImageQuality.Dicom;

/// <summary>
/// Where a value lies in a file that was read without loading it: the file, the offset of the first value
/// byte, the length, and the unit in which big endian numbers must be swapped when loaded.
/// </summary>
public sealed class DicomBulkDataReference
{
    public DicomBulkDataReference(string path, long offset, long length, int byteSwapSize)
    {
        Path = path;
        Offset = offset;
        Length = length;
        ByteSwapSize = byteSwapSize;
    }

    public string Path { get; }

    public long Offset { get; }

    public long Length { get; }

    /// <summary>1 when the bytes are used as stored; 2, 4 or 8 when they are big endian numbers of that size.</summary>
    public int ByteSwapSize { get; }

    public byte[] Load()
    {
        if (Length > Array.MaxLength)
        {
            throw new InvalidOperationException($"A value of {Length} bytes in {Path} cannot be loaded into one array.");
        }

        var bytes = new byte[Length];
        using Microsoft.Win32.SafeHandles.SafeFileHandle handle = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        int done = 0;
        while (done < bytes.Length)
        {
            int n = RandomAccess.Read(handle, bytes.AsSpan(done), Offset + done);
            if (n == 0)
            {
                throw new EndOfStreamException($"{Path} ended at offset {Offset + done} inside a value that should run to {Offset + Length}.");
            }

            done += n;
        }

        ByteOrder.SwapInPlace(bytes, ByteSwapSize);
        return bytes;
    }
}

internal static class ByteOrder
{
    /// <summary>Reverses each unit of <paramref name="size"/> bytes; a trailing partial unit is left alone.</summary>
    public static void SwapInPlace(Span<byte> bytes, int size)
    {
        switch (size)
        {
            case 2:
                {
                    Span<ushort> words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(bytes[..(bytes.Length & ~1)]);
                    BinaryPrimitives.ReverseEndianness(words, words);
                    break;
                }

            case 4:
                {
                    Span<uint> words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(bytes[..(bytes.Length & ~3)]);
                    BinaryPrimitives.ReverseEndianness(words, words);
                    break;
                }

            case 8:
                {
                    Span<ulong> words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(bytes[..(bytes.Length & ~7)]);
                    BinaryPrimitives.ReverseEndianness(words, words);
                    break;
                }
        }
    }
}
