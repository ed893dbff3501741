using System.Security.Cryptography;
using System.Text;
using ImageQuality.Dicom.IO;
using ImageQuality.Dicom.Network.Dimse;
using Microsoft.Extensions.Logging;

namespace ImageQuality.Dicom.Network.Storage;

/// <summary>One instance on its way into a <see cref="DicomFolderStore"/>.</summary>
internal sealed class FolderStoreTarget : IStoreTarget
{
    private static readonly DicomReadOptions HeaderOnly = new() { StopBeforePixelData = true };

    private readonly DicomFolderStore _store;
    private readonly StoreRequest _request;
    private readonly string _tempPath;
    private FileStream? _stream;
    private bool _completed;

    public FolderStoreTarget(DicomFolderStore store, StoreRequest request)
    {
        _store = store;
        _request = request;
        _tempPath = Path.Combine(store.IncomingFolder, $"{Guid.NewGuid():N}.part");
        _stream = new FileStream(_tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);

        // The meta information comes from the command and the association; the data set follows as received, in
        // the negotiated syntax, which is what the meta information names: no re-encoding.
        _stream.Write(PartTenHeader.Build(request.SopClassUid, request.SopInstanceUid, request.TransferSyntax.Uid, request.Association.CallingAeTitle));
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken cancellationToken) =>
        (_stream ?? throw new ObjectDisposedException(nameof(FolderStoreTarget))).WriteAsync(fragment, cancellationToken);

    public async ValueTask<StoreOutcome> CompleteAsync(CancellationToken cancellationToken)
    {
        FileStream stream = _stream ?? throw new ObjectDisposedException(nameof(FolderStoreTarget));
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        stream.Flush(flushToDisk: true);
        await stream.DisposeAsync().ConfigureAwait(false);
        _stream = null;

        DicomFile header;
        try
        {
            header = DicomFile.Open(_tempPath, HeaderOnly);
        }
        catch (Exception e) when (e is DicomFormatException or InvalidDataException or EndOfStreamException)
        {
            return new StoreOutcome(DicomStatus.CannotUnderstand, "The data set cannot be parsed");
        }

        DicomDataset ds = header.Dataset;
        if (ds.GetString(DicomTag.SOPInstanceUID) != _request.SopInstanceUid)
        {
            return new StoreOutcome(DicomStatus.DataSetDoesNotMatchSopClass, "SOP Instance UID differs from the command");
        }

        if (ds.GetString(DicomTag.SOPClassUID) != _request.SopClassUid)
        {
            return new StoreOutcome(DicomStatus.DataSetDoesNotMatchSopClass, "SOP Class UID differs from the command");
        }

        string study = ds.GetString(DicomTag.StudyInstanceUID) ?? string.Empty;
        string series = ds.GetString(DicomTag.SeriesInstanceUID) ?? string.Empty;
        string studyFolder = Path.Combine(_store.Root, FolderName(study, "no-study"));
        string folder = Path.Combine(studyFolder, FolderName(series, "no-series"));
        string finalPath = Path.Combine(folder, FolderName(_request.SopInstanceUid, "no-instance") + ".dcm");
        CreateDurably(studyFolder, _store.Root);
        CreateDurably(folder, studyFolder);

        // The event slot is taken before the file is put in place: once it is in place its event cannot fail to
        // be queued, and a wait cancelled here (association aborted) leaves nothing in place and nothing acknowledged.
        await _store.Events.ReserveAsync(cancellationToken).ConfigureAwait(false);
        bool published = false;
        try
        {
            bool replaced = false;
            if (_store.Options.DuplicatePolicy == DuplicateInstancePolicy.Overwrite)
            {
                replaced = File.Exists(finalPath);

                // rename(2): readers see the old file or the new one, never a mix.
                File.Move(_tempPath, finalPath, overwrite: true);
            }
            else if (!TryMoveNew(finalPath))
            {
                // Success, not a warning or failure: the SCP holds the instance, which is what C-STORE success
                // promises. PS3.4 B.2.3 has no status for a duplicate; its warnings (B000 coercion, B006 elements
                // discarded, B007 mismatch) each describe the stored instance differently from what was sent, which
                // is not the case, and a failure would make senders that retry after a lost response retry forever.
                // 0x0111 (Duplicate SOP Instance) belongs to N-CREATE (PS3.7 10.1.5), not to C-STORE.
                _store.Log.LogInformation(
                    "{Association}: duplicate SOP instance {SopInstanceUid} (study {StudyInstanceUid}, series {SeriesInstanceUid}) from {CallingAe}: kept the stored copy, discarded the new one, answered success",
                    _request.Association,
                    _request.SopInstanceUid,
                    study,
                    series,
                    _request.Association.CallingAeTitle);
                return StoreOutcome.Success;
            }

            _completed = true;
            DirectorySync.Flush(folder);
            if (replaced)
            {
                _store.Log.LogInformation(
                    "{Association}: duplicate SOP instance {SopInstanceUid} (study {StudyInstanceUid}, series {SeriesInstanceUid}) from {CallingAe}: replaced the stored copy, answered success",
                    _request.Association,
                    _request.SopInstanceUid,
                    study,
                    series,
                    _request.Association.CallingAeTitle);
            }

            string callingAe = _request.Association.CallingAeTitle;
            if (_store.Events.Enabled)
            {
                _store.Events.Publish(new ReceivedInstance(finalPath, _request.SopClassUid, _request.SopInstanceUid, study, series, _request.TransferSyntax.Uid, callingAe, new FileInfo(finalPath).Length, DateTimeOffset.UtcNow, replaced));
                published = true;
            }

            _store.OnStored(new StoredInstance(finalPath, _request.SopClassUid, _request.SopInstanceUid, study, series, _request.TransferSyntax.Uid, callingAe));
            return StoreOutcome.Success;
        }
        finally
        {
            if (!published)
            {
                _store.Events.Unreserve();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stream is { } stream)
        {
            _stream = null;
            await stream.DisposeAsync().ConfigureAwait(false);
        }

        if (!_completed)
        {
            File.Delete(_tempPath);
        }
    }

    /// <summary>Creates <paramref name="folder"/> if needed and makes its name durable in <paramref name="parent"/>.</summary>
    private static void CreateDurably(string folder, string parent)
    {
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
            DirectorySync.Flush(parent);
        }
    }

    /// <summary>
    /// Moves the temporary file to <paramref name="finalPath"/> unless a file is there: on Unix .NET does this with
    /// link(2) and unlink(2), so two associations storing the same instance at once cannot both win.
    /// </summary>
    private bool TryMoveNew(string finalPath)
    {
        if (File.Exists(finalPath))
        {
            return false;
        }

        try
        {
            File.Move(_tempPath, finalPath, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(finalPath))
        {
            return false;
        }
    }

    /// <summary>
    /// A UID names its folder as it is; anything that is not a plain UID (which could climb out of the root or
    /// collide) gets a hash instead.
    /// </summary>
    private static string FolderName(string uid, string whenMissing)
    {
        if (uid.Length == 0)
        {
            return whenMissing;
        }

        if (uid.Length <= 64 && IsPlainUid(uid))
        {
            return uid;
        }

        return "x" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(uid)))[..32];
    }

    private static bool IsPlainUid(string uid)
    {
        if (uid[0] == '.' || uid[^1] == '.')
        {
            return false;
        }

        foreach (char c in uid)
        {
            if (c is not (>= '0' and <= '9') and not '.')
            {
                return false;
            }
        }

        return true;
    }
}
