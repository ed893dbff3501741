using Microsoft.Win32.SafeHandles;

namespace ImageQuality.Dicom.IO;

/// <summary>Where the reader's bytes come from: a file (random access), a stream (sequential) or memory.</summary>
internal abstract class ByteSource : IDisposable
{
    /// <summary>Total length when known; a deflate stream does not know it.</summary>
    public abstract long? Length { get; }

    /// <summary>The file a deferred value can be read back from, or null.</summary>
    public virtual string? FilePath => null;

    /// <summary>Reads at <paramref name="position"/>, which only moves forward for sequential sources.</summary>
    public abstract int Read(long position, Span<byte> destination);

    public virtual void Dispose()
    {
    }
}

internal sealed class FileByteSource : ByteSource
{
    private readonly SafeFileHandle _handle;

    /// <param name="sequentialScan">
    /// The whole file will be read front to back. A header-only or deferred read stops or skips early, and the
    /// hint would only cost a system call and a larger read-ahead of bytes that are never used.
    /// </param>
    public FileByteSource(string path, bool sequentialScan)
    {
        FilePath = path;
        _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, sequentialScan ? FileOptions.SequentialScan : FileOptions.None);
        Length = RandomAccess.GetLength(_handle);
    }

    public override long? Length { get; }

    public override string? FilePath { get; }

    public override int Read(long position, Span<byte> destination) => RandomAccess.Read(_handle, destination, position);

    public override void Dispose() => _handle.Dispose();
}

internal sealed class StreamByteSource : ByteSource
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly long _origin;
    private long _position;

    /// <param name="stream">Read from its current position, which becomes position 0.</param>
    public StreamByteSource(Stream stream, bool leaveOpen)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        if (stream.CanSeek)
        {
            _origin = stream.Position;
            Length = stream.Length - _origin;
        }
    }

    public override long? Length { get; }

    public override int Read(long position, Span<byte> destination)
    {
        if (position != _position)
        {
            if (_stream.CanSeek)
            {
                _stream.Position = _origin + position;
                _position = position;
            }
            else
            {
                Discard(position - _position);
            }
        }

        int n = _stream.Read(destination);
        _position += n;
        return n;
    }

    private void Discard(long count)
    {
        if (count < 0)
        {
            throw new InvalidOperationException("A sequential stream cannot go backwards.");
        }

        Span<byte> scratch = stackalloc byte[4096];
        while (count > 0)
        {
            int n = _stream.Read(scratch[..(int)Math.Min(count, scratch.Length)]);
            if (n == 0)
            {
                return;
            }

            count -= n;
            _position += n;
        }
    }

    public override void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}

internal sealed class MemoryByteSource : ByteSource
{
    private readonly ReadOnlyMemory<byte> _memory;

    public MemoryByteSource(ReadOnlyMemory<byte> memory) => _memory = memory;

    public override long? Length => _memory.Length;

    public override int Read(long position, Span<byte> destination)
    {
        if (position >= _memory.Length)
        {
            return 0;
        }

        ReadOnlySpan<byte> src = _memory.Span[(int)position..];
        int n = Math.Min(src.Length, destination.Length);
        src[..n].CopyTo(destination);
        return n;
    }
}
