using System.Threading.Channels;

namespace ImageQuality.Dicom.Network.Storage;

/// <summary>
/// A bounded queue of <see cref="ReceivedInstance"/> whose slots are reserved before the file is put in place:
/// <see cref="ReserveAsync"/> waits while the queue is full (backpressure on storage, never on the network reader,
/// which the association's fragment queue decouples), and a reserved slot is always filled, so an instance that
/// is in place always gets its event, and one whose wait was cancelled is not put in place at all.
/// </summary>
internal sealed class ReceivedInstanceChannel
{
    private readonly Channel<ReceivedInstance> _channel = Channel.CreateUnbounded<ReceivedInstance>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly SemaphoreSlim? _free;

    public ReceivedInstanceChannel(int capacity)
    {
        if (capacity > 0)
        {
            _free = new SemaphoreSlim(capacity, capacity);
            Reader = new SlotReleasingReader(_channel.Reader, _free);
        }
        else
        {
            _channel.Writer.Complete();
            Reader = _channel.Reader;
        }
    }

    public ChannelReader<ReceivedInstance> Reader { get; }

    public bool Enabled => _free is not null;

    /// <summary>Waits for a free slot; the caller must then <see cref="Publish"/> or <see cref="Unreserve"/>.</summary>
    public Task ReserveAsync(CancellationToken cancellationToken) => _free?.WaitAsync(cancellationToken) ?? Task.CompletedTask;

    public void Unreserve() => _free?.Release();

    /// <summary>Fills a reserved slot; never waits and never fails while the store lives.</summary>
    public void Publish(ReceivedInstance instance)
    {
        if (_free is not null && !_channel.Writer.TryWrite(instance))
        {
            throw new InvalidOperationException("The received-instance channel is closed");
        }
    }

    /// <summary>Gives a slot back for each event read.</summary>
    private sealed class SlotReleasingReader(ChannelReader<ReceivedInstance> inner, SemaphoreSlim free) : ChannelReader<ReceivedInstance>
    {
        public override Task Completion => inner.Completion;

        public override bool CanCount => true;

        public override int Count => inner.Count;

        public override bool TryRead(out ReceivedInstance item)
        {
            if (inner.TryRead(out item!))
            {
                free.Release();
                return true;
            }

            return false;
        }

        public override bool TryPeek(out ReceivedInstance item) => inner.TryPeek(out item!);

        public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default) => inner.WaitToReadAsync(cancellationToken);
    }
}
