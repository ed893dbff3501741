namespace ImageQuality.Dicom.Network.Dimse;

/// <summary>
/// Receives C-STORE data sets as they stream in. The association's network reader never waits on it: fragments
/// are queued (bounded) and handed to the target by a separate task, one message at a time, in order.
/// </summary>
public interface IDicomStoreHandler
{
    /// <summary>
    /// Called when a C-STORE-RQ command has arrived, before any of its data set. To refuse without storing (e.g.
    /// disk full), return <see cref="StoreTargets.Refuse"/>: the data set is then read and discarded, and the
    /// refusal is the response.
    /// </summary>
    ValueTask<IStoreTarget> BeginAsync(StoreRequest request, CancellationToken cancellationToken);
}
