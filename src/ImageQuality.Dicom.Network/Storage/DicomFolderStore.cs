using ImageQuality.Dicom.Network.Dimse;

namespace ImageQuality.Dicom.Network.Storage;

/// <summary>
/// A C-STORE handler that files instances as Part 10 files under <see cref="Root"/> in a
/// study/series/instance layout. Each instance streams to a temporary file in <see cref="IncomingFolderName"/>
/// (memory does not grow with its size), which becomes visible under its final name only after it has been
/// flushed to disk, its header read back and checked, and it has been renamed atomically; only then is success
/// answered. An instance that does not complete leaves nothing behind.
/// </summary>
public sealed class DicomFolderStore : IDicomStoreHandler
{
    /// <summary>Temporary files live here, inside the root, so that the final rename stays on one file system.</summary>
    public const string IncomingFolderName = ".incoming";

    public DicomFolderStore(string root)
    {
        Root = Path.GetFullPath(root);
        IncomingFolder = Path.Combine(Root, IncomingFolderName);
        Directory.CreateDirectory(IncomingFolder);
    }

    public string Root { get; }

    public string IncomingFolder { get; }

    /// <summary>Raised after an instance is in place, before its success response is sent. Handlers must be quick.</summary>
    public event Action<StoredInstance>? InstanceStored;

    public ValueTask<IStoreTarget> BeginAsync(StoreRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IStoreTarget>(new FolderStoreTarget(this, request));

    internal void OnStored(StoredInstance instance) => InstanceStored?.Invoke(instance);
}
