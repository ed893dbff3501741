namespace ImageQuality.Dicom.Network.Dimse;

/// <summary>
/// Where one instance's data set goes. <see cref="WriteAsync"/> gets the data set bytes in order, exactly as
/// they arrived (the encoding of the negotiated transfer syntax), then <see cref="CompleteAsync"/> is called once
/// and its outcome is the C-STORE response. Disposing a target that was not completed (association aborted,
/// peer gone, timeout) must discard everything it wrote.
/// </summary>
public interface IStoreTarget : IAsyncDisposable
{
    ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken cancellationToken);

    /// <summary>Make the instance durable, then say how it went; success only once it is safely stored.</summary>
    ValueTask<StoreOutcome> CompleteAsync(CancellationToken cancellationToken);
}
