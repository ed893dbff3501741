using System.Security.Cryptography;
using System.Text;
using ImageQuality.Dicom.IO;
using ImageQuality.Dicom.Network.Dimse;

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
        string folder = Path.Combine(_store.Root, FolderName(study, "no-study"), FolderName(series, "no-series"));
        string finalPath = Path.Combine(folder, FolderName(_request.SopInstanceUid, "no-instance") + ".dcm");
        Directory.CreateDirectory(folder);

        // rename(2): readers see the whole file or none of it.
        File.Move(_tempPath, finalPath, overwrite: true);
        _completed = true;
        _store.OnStored(new StoredInstance(finalPath, _request.SopClassUid, _request.SopInstanceUid, study, series, _request.TransferSyntax.Uid, _request.Association.CallingAeTitle));
        return StoreOutcome.Success;
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
