using System.Threading.Channels;

namespace ImageQuality.Service.Ingest;

/// <summary>
/// Received instances between the store and the indexer, bounded: when indexing falls behind, the writer waits, which
/// holds back the C-STORE response (storage side), never the network read loop.
/// </summary>
public sealed class IngestQueue
{
    private readonly Channel<ReceivedInstance> _channel;
    private long _outstanding;

    public IngestQueue(ServiceOptions options)
    {
        _channel = Channel.CreateBounded<ReceivedInstance>(new BoundedChannelOptions(options.IngestQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    public ChannelReader<ReceivedInstance> Reader => _channel.Reader;

    /// <summary>Instances handed over and not yet indexed (waiting in the channel or being indexed now).</summary>
    public long Outstanding => Interlocked.Read(ref _outstanding);

    public async ValueTask WriteAsync(ReceivedInstance instance, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _outstanding);
        try
        {
            await _channel.Writer.WriteAsync(instance, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Decrement(ref _outstanding);
            throw;
        }
    }

    /// <summary>Called by the indexer when it is done with an instance, indexed or not.</summary>
    public void MarkDone() => Interlocked.Decrement(ref _outstanding);

    /// <summary>For synchronous event handlers: takes the fast path when there is room, else waits for it.</summary>
    public void Write(ReceivedInstance instance)
    {
        Interlocked.Increment(ref _outstanding);
        if (!_channel.Writer.TryWrite(instance))
        {
            Interlocked.Decrement(ref _outstanding);
            WriteAsync(instance).AsTask().GetAwaiter().GetResult();
        }
    }

    public void Complete() => _channel.Writer.TryComplete();
}
