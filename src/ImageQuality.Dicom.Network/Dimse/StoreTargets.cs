namespace ImageQuality.Dicom.Network.Dimse;

/// <summary>Ready-made store targets.</summary>
public static class StoreTargets
{
    /// <summary>Reads and discards the data set, then answers with <paramref name="status"/>.</summary>
    public static IStoreTarget Refuse(DicomStatus status, string? errorComment = null) => new RefusingTarget(new StoreOutcome(status, errorComment));

    private sealed class RefusingTarget(StoreOutcome outcome) : IStoreTarget
    {
        public ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<StoreOutcome> CompleteAsync(CancellationToken cancellationToken) => ValueTask.FromResult(outcome);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
