namespace ImageQuality.Service.Workers;

/// <summary>Wakes idle workers when new jobs are queued in this process, so that feedback does not wait for a poll.</summary>
public sealed class WorkSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, int.MaxValue);

    public void Notify(int count = 1) => _semaphore.Release(count);

    /// <summary>Waits for a signal or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);
}
