using System.Threading.Channels;
using ImageQuality.Dicom.Network.Dimse;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImageQuality.Dicom.Network.Storage;

/// <summary>
/// A C-STORE handler that files instances as Part 10 files under <see cref="Root"/> in a
/// study/series/instance layout. Each instance streams to a temporary file in <see cref="IncomingFolderName"/>
/// (memory does not grow with its size), which becomes visible under its final name only after it has been
/// flushed to disk, its header read back and checked, and it has been renamed atomically and the rename made
/// durable; only then is success answered. An instance that does not complete leaves nothing behind. Readers of
/// the tree ignore <see cref="IncomingFolderName"/>.
/// </summary>
public sealed class DicomFolderStore : IDicomStoreHandler
{
    /// <summary>Temporary files live here, inside the root, so that the final rename stays on one file system.</summary>
    public const string IncomingFolderName = ".incoming";

    private readonly ReceivedInstanceChannel _events;

    public DicomFolderStore(string root, DicomFolderStoreOptions? options = null, ILogger<DicomFolderStore>? logger = null)
    {
        Options = options ?? new DicomFolderStoreOptions();
        Options.Validate();
        Log = (ILogger?)logger ?? NullLogger.Instance;
        Root = Path.GetFullPath(root);
        IncomingFolder = Path.Combine(Root, IncomingFolderName);
        Directory.CreateDirectory(IncomingFolder);
        _events = new ReceivedInstanceChannel(Options.EventChannelCapacity);
    }

    public string Root { get; }

    public string IncomingFolder { get; }

    public DicomFolderStoreOptions Options { get; }

    /// <summary>
    /// One event per instance put in place (a duplicate discarded under <see cref="DuplicateInstancePolicy.KeepFirst"/>
    /// puts nothing new in place and has none), in the order they were put in place, bounded by
    /// <see cref="DicomFolderStoreOptions.EventChannelCapacity"/>: see there for what a full channel does. With
    /// capacity 0 it is empty and completed.
    /// </summary>
    public ChannelReader<ReceivedInstance> Received => _events.Reader;

    /// <summary>Raised after an instance is in place, before its success response is sent. Handlers must be quick.</summary>
    public event Action<StoredInstance>? InstanceStored;

    internal ILogger Log { get; }

    internal ReceivedInstanceChannel Events => _events;

    public ValueTask<IStoreTarget> BeginAsync(StoreRequest request, CancellationToken cancellationToken)
    {
        if (Options.MinFreeBytes > 0)
        {
            long free = new DriveInfo(Root).AvailableFreeSpace;
            if (free < Options.MinFreeBytes)
            {
                // Refused as the command arrives: the data set is then read and discarded, nothing is written,
                // and the association goes on (the sender may send smaller things, or echo).
                Log.LogWarning(
                    "{Association}: C-STORE of {SopInstanceUid} refused with 0xA700: {Free} bytes free under {Root}, below the minimum of {MinFree}",
                    request.Association,
                    request.SopInstanceUid,
                    free,
                    Root,
                    Options.MinFreeBytes);
                return ValueTask.FromResult(StoreTargets.Refuse(DicomStatus.OutOfResources, "Out of resources: storage below its free-space minimum"));
            }
        }

        return ValueTask.FromResult<IStoreTarget>(new FolderStoreTarget(this, request));
    }

    internal void OnStored(StoredInstance instance) => InstanceStored?.Invoke(instance);
}
