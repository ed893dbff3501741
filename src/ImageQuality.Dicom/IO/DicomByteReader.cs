using System.Buffers;
using System.Buffers.Binary;

namespace ImageQuality.Dicom.IO;

/// <summary>
/// A buffered cursor over a <see cref="ByteSource"/>. It never allocates more for a value than the bytes that
/// exist: with a known length it checks first; without one it grows the value chunk by chunk as bytes arrive.
/// </summary>
internal sealed class DicomByteReader : IDisposable
{
    private const int BufferSize = 64 * 1024;
    private const int MaxUnknownLengthChunk = 1 << 20;

    // Most headers fit in a few KiB: the first read is small, so a header-only parse does not copy 64 KiB of
    // pixel data it will not use; later reads double up to the buffer size.
    private const int FirstReadSize = 16 * 1024;

    private readonly ByteSource _source;
    private byte[] _buffer;
    private int _pos;
    private int _end;
    private long _bufferStart;
    private int _readSize = FirstReadSize;

    public DicomByteReader(ByteSource source, long start = 0)
    {
        _source = source;
        _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        _bufferStart = start;
    }

    public long Position => _bufferStart + _pos;

    public long? Length => _source.Length;

    public string? FilePath => _source.FilePath;

    /// <summary>Bytes left when the length is known, else long.MaxValue.</summary>
    public long Remaining => _source.Length is { } l ? l - Position : long.MaxValue;

    /// <summary>Makes <paramref name="count"/> bytes available in the buffer; false at the end of the data.</summary>
    public bool TryEnsure(int count)
    {
        if (_end - _pos >= count)
        {
            return true;
        }

        if (_pos > 0)
        {
            Buffer.BlockCopy(_buffer, _pos, _buffer, 0, _end - _pos);
            _bufferStart += _pos;
            _end -= _pos;
            _pos = 0;
        }

        while (_end < count)
        {
            if (_source.Length is { } length && _bufferStart + _end >= length)
            {
                // The end is known: asking the source again would only cost a read that returns nothing.
                return false;
            }

            int want = Math.Min(_buffer.Length - _end, Math.Max(count - _end, _readSize));
            int n = _source.Read(_bufferStart + _end, _buffer.AsSpan(_end, want));
            if (n <= 0)
            {
                return false;
            }

            _end += n;
            _readSize = Math.Min(_readSize * 2, _buffer.Length);
        }

        return true;
    }

    public bool AtEnd => !TryEnsure(1);

    public ReadOnlySpan<byte> Peek(int count) => _buffer.AsSpan(_pos, count);

    public ushort ReadUInt16(bool bigEndian)
    {
        ReadOnlySpan<byte> s = _buffer.AsSpan(_pos, 2);
        _pos += 2;
        return bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);
    }

    public uint ReadUInt32(bool bigEndian)
    {
        ReadOnlySpan<byte> s = _buffer.AsSpan(_pos, 4);
        _pos += 4;
        return bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);
    }

    /// <summary>Advances over bytes already made available by <see cref="TryEnsure"/>.</summary>
    public void Advance(int count) => _pos += count;

    /// <summary>Reads exactly <paramref name="length"/> bytes into a new array; false if the data ends first.</summary>
    public bool TryReadBytes(long length, out byte[] bytes)
    {
        bytes = [];
        if (length > Remaining || length > Array.MaxLength)
        {
            return false;
        }

        if (_source.Length is null && length > BufferSize)
        {
            return TryReadBytesChunked(length, out bytes);
        }

        // Not zeroed: TryFill overwrites every byte, or the array is dropped.
        bytes = length == 0 ? [] : GC.AllocateUninitializedArray<byte>((int)length);
        return TryFill(bytes);
    }

    private bool TryFill(Span<byte> destination)
    {
        int buffered = Math.Min(_end - _pos, destination.Length);
        _buffer.AsSpan(_pos, buffered).CopyTo(destination);
        _pos += buffered;
        int done = buffered;
        while (done < destination.Length)
        {
            // Large values go straight from the source into their array, bypassing the buffer.
            _bufferStart += _pos;
            _pos = _end = 0;
            int n = _source.Read(_bufferStart, destination[done..]);
            if (n <= 0)
            {
                return false;
            }

            done += n;
            _bufferStart += n;
        }

        return true;
    }

    private bool TryReadBytesChunked(long length, out byte[] bytes)
    {
        // Without a known length a hostile length field could ask for gigabytes: grow only as bytes arrive, in
        // chunks that double from the buffer size, so that what is allocated stays within about twice what arrived.
        bytes = [];
        var chunks = new List<byte[]>();
        long left = length;
        int chunkSize = BufferSize;
        while (left > 0)
        {
            byte[] chunk = GC.AllocateUninitializedArray<byte>((int)Math.Min(left, chunkSize));
            if (!TryFill(chunk))
            {
                return false;
            }

            chunks.Add(chunk);
            left -= chunk.Length;
            chunkSize = Math.Min(chunkSize * 2, MaxUnknownLengthChunk);
        }

        bytes = GC.AllocateUninitializedArray<byte>((int)length);
        int at = 0;
        foreach (byte[] c in chunks)
        {
            c.CopyTo(bytes, at);
            at += c.Length;
        }

        return true;
    }

    /// <summary>Copies up to destination's length of the next bytes; 0 only at the end of the data.</summary>
    public int ReadAvailable(Span<byte> destination)
    {
        if (destination.IsEmpty || !TryEnsure(1))
        {
            return 0;
        }

        int n = Math.Min(_end - _pos, destination.Length);
        _buffer.AsSpan(_pos, n).CopyTo(destination);
        _pos += n;
        return n;
    }

    /// <summary>Moves forward without reading; false if that passes the end of the data.</summary>
    public bool TrySkip(long count)
    {
        if (count > Remaining)
        {
            return false;
        }

        if (count <= _end - _pos)
        {
            _pos += (int)count;
            return true;
        }

        long target = Position + count;
        _bufferStart = target;
        _pos = _end = 0;
        if (_source.Length is null)
        {
            // A sequential source only learns its end by reading: make sure the target exists.
            return TryEnsure(0);
        }

        return true;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
