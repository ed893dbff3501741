using System.Buffers.Binary;
using System.IO.Pipelines;
using ImageQuality.Dicom.Network.Pdus;

namespace ImageQuality.Dicom.Network.Association;

/// <summary>
/// One transport connection seen as PDUs: a <see cref="PipeReader"/> for the read loop and serialized writes
/// of whole PDUs. Works over any stream (TCP now, TLS later). Every send has a deadline: a peer that stops
/// reading must not hold a task forever.
/// </summary>
internal sealed class PduConnection : IAsyncDisposable
{
    /// <summary>PDU header (6) + PDV header (6).</summary>
    private const int PDataOverhead = Pdu.HeaderLength + PresentationDataValue.HeaderLength;

    private readonly Stream _stream;
    private readonly PipeWriter _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public PduConnection(Stream stream)
    {
        _stream = stream;
        Reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 1 << 16, minimumReadSize: 1 << 14, leaveOpen: true));
        _writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(minimumBufferSize: 1 << 16, leaveOpen: true));
    }

    public PipeReader Reader { get; }

    public async ValueTask SendAsync(Pdu pdu, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            pdu.WriteTo(_writer);
            await FlushAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Sends a command and, when given, a data set held in memory, as P-DATA-TF PDUs no longer than <paramref name="maxPduLength"/>.</summary>
    public async ValueTask SendMessageAsync(byte contextId, ReadOnlyMemory<byte> command, ReadOnlyMemory<byte>? dataSet, int maxPduLength, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteFragmentsAsync(contextId, isCommand: true, command, maxPduLength, timeout, cancellationToken).ConfigureAwait(false);
            if (dataSet is { } data)
            {
                await WriteFragmentsAsync(contextId, isCommand: false, data, maxPduLength, timeout, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Sends a command, then <paramref name="length"/> data set bytes read from <paramref name="source"/> straight
    /// into the outgoing buffer, one PDU at a time: memory does not grow with the data set.
    /// </summary>
    public async ValueTask SendMessageAsync(byte contextId, ReadOnlyMemory<byte> command, Stream source, long length, int maxPduLength, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteFragmentsAsync(contextId, isCommand: true, command, maxPduLength, timeout, cancellationToken).ConfigureAwait(false);
            int fragmentMax = FragmentMax(maxPduLength);

            // Fragments have even lengths (dcmtk refuses others); an odd data set, which only a deflated one can
            // be, gets the trailing NUL that PS3.5 A.5 pads deflated streams with.
            long remaining = length + (length & 1);
            do
            {
                int n = (int)Math.Min(fragmentMax, remaining);
                Memory<byte> memory = _writer.GetMemory(PDataOverhead + n);
                int fromSource = (int)Math.Min(n, length);
                await source.ReadExactlyAsync(memory.Slice(PDataOverhead, fromSource), cancellationToken).ConfigureAwait(false);
                memory.Span.Slice(PDataOverhead + fromSource, n - fromSource).Clear();
                length -= fromSource;
                remaining -= n;
                WriteHeaders(memory.Span, contextId, isCommand: false, isLast: remaining == 0, n);
                _writer.Advance(PDataOverhead + n);
                await FlushAsync(timeout, cancellationToken).ConfigureAwait(false);
            }
            while (remaining > 0);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Reader.CompleteAsync().ConfigureAwait(false);
        await _writer.CompleteAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        _writeLock.Dispose();
    }

    private async ValueTask WriteFragmentsAsync(byte contextId, bool isCommand, ReadOnlyMemory<byte> data, int maxPduLength, TimeSpan timeout, CancellationToken cancellationToken)
    {
        int fragmentMax = FragmentMax(maxPduLength);
        int offset = 0;
        do
        {
            int n = Math.Min(fragmentMax, data.Length - offset);
            Span<byte> span = _writer.GetSpan(PDataOverhead + n);
            WriteHeaders(span, contextId, isCommand, offset + n == data.Length, n);
            data.Span.Slice(offset, n).CopyTo(span[PDataOverhead..]);
            _writer.Advance(PDataOverhead + n);
            offset += n;
        }
        while (offset < data.Length);
        await FlushAsync(timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The longest fragment a PDU of <paramref name="maxPduLength"/> carries, kept even.</summary>
    private static int FragmentMax(int maxPduLength) => (maxPduLength - PresentationDataValue.HeaderLength) & ~1;

    private static void WriteHeaders(Span<byte> span, byte contextId, bool isCommand, bool isLast, int dataLength)
    {
        span[0] = (byte)PduType.DataTransfer;
        span[1] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(span[2..], (uint)(PresentationDataValue.HeaderLength + dataLength));
        BinaryPrimitives.WriteUInt32BigEndian(span[6..], (uint)(dataLength + 2));
        span[10] = contextId;
        span[11] = (byte)((isCommand ? 1 : 0) | (isLast ? 2 : 0));
    }

    private async ValueTask FlushAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            FlushResult result = await _writer.FlushAsync(deadline.Token).ConfigureAwait(false);
            if (result.IsCompleted)
            {
                throw new IOException("The connection is closed");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The peer did not take our data within {timeout.TotalSeconds:0.#} s");
        }
    }
}
