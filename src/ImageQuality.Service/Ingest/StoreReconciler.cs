using ImageQuality.Storage.Index;
using Microsoft.Extensions.Logging;

namespace ImageQuality.Service.Ingest;

/// <summary>
/// After a crash between "file stored" and "file indexed" the store holds files the index lacks. At start-up this
/// walks the store (skipping the temporary folder), compares paths with the index and queues the missing files for
/// ingest, so that every instance that got a success status is indexed exactly once.
/// </summary>
public sealed partial class StoreReconciler(InstanceIndex index, IngestQueue queue, ServiceOptions options, ILogger<StoreReconciler> logger)
{
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var root = options.StoreFolder;
        if (!Directory.Exists(root))
        {
            return 0;
        }

        var indexed = await index.GetIndexedPathsAsync(cancellationToken).ConfigureAwait(false);
        var missing = 0;
        var enumeration = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        foreach (var path in Directory.EnumerateFiles(root, "*.dcm", enumeration))
        {
            if (path.Contains(Path.DirectorySeparatorChar + Dicom.Network.Storage.DicomFolderStore.IncomingFolderName + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || indexed.Contains(path))
            {
                continue;
            }

            await queue.WriteAsync(new ReceivedInstance(path, null, new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero)), cancellationToken).ConfigureAwait(false);
            missing++;
        }

        LogReconciled(indexed.Count, missing, root);
        return missing;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Store checked against the index: {Indexed} indexed, {Missing} files found unindexed in {Root} and queued for indexing")]
    private partial void LogReconciled(int indexed, int missing, string root);
}
