using ImageQuality.Dicom.Network.Dimse;
using ImageQuality.Dicom.Network.Pdus.Items;

namespace ImageQuality.Dicom.Network.Client;

/// <summary>
/// A minimal SCU: C-ECHO, and C-STORE of files with several instances per association. Presentation contexts are
/// proposed from the files: for each SOP class one context per transfer syntax the files are in, plus explicit and
/// implicit VR little endian for files that can be re-encoded, each in its own context so that the peer can accept
/// the files' own syntaxes and they travel unchanged.
/// </summary>
public sealed class DicomClient
{
    /// <summary>Context IDs are odd numbers 1 to 255: at most 128 contexts per association.</summary>
    private const int MaxContexts = 128;

    private readonly string _host;
    private readonly int _port;
    private readonly DicomClientOptions _options;

    public DicomClient(string host, int port, DicomClientOptions? options = null)
    {
        _host = host;
        _port = port;
        _options = options ?? new DicomClientOptions();
    }

    /// <summary>Opens an association proposing <paramref name="contexts"/>.</summary>
    public Task<DicomClientAssociation> OpenAssociationAsync(IReadOnlyList<PresentationContextRequestItem> contexts, CancellationToken cancellationToken = default) =>
        DicomClientAssociation.OpenAsync(_host, _port, contexts, _options, cancellationToken);

    /// <summary>One association, one C-ECHO, release.</summary>
    public async Task<DicomStatus> EchoAsync(CancellationToken cancellationToken = default)
    {
        await using DicomClientAssociation association = await OpenAssociationAsync(
            [new PresentationContextRequestItem(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian])],
            cancellationToken).ConfigureAwait(false);
        DicomStatus status = await association.EchoAsync(cancellationToken).ConfigureAwait(false);
        await association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
        return status;
    }

    /// <summary>
    /// Sends the files, as few associations as the 128-context limit allows, in order; one result per file.
    /// A file that cannot be read as DICOM throws before anything is sent.
    /// </summary>
    public async Task<IReadOnlyList<DicomStoreResult>> StoreAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        List<OutgoingInstance> files = [.. paths.Select(OutgoingInstance.Open)];
        var results = new List<DicomStoreResult>(files.Count);
        foreach (List<OutgoingInstance> batch in Batches(files))
        {
            await using DicomClientAssociation association = await OpenAssociationAsync(ProposeContexts(batch), cancellationToken).ConfigureAwait(false);
            foreach (OutgoingInstance file in batch)
            {
                results.Add(await association.StoreAsync(file, cancellationToken).ConfigureAwait(false));
            }

            await association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    private static IEnumerable<List<OutgoingInstance>> Batches(List<OutgoingInstance> files)
    {
        var batch = new List<OutgoingInstance>();
        var keys = new HashSet<(string, string)>();
        foreach (OutgoingInstance file in files)
        {
            var added = new HashSet<(string, string)>(keys);
            foreach ((string, string) key in ContextKeys(file))
            {
                added.Add(key);
            }

            if (added.Count > MaxContexts && batch.Count > 0)
            {
                yield return batch;
                batch = [];
                keys.Clear();
                added = [.. ContextKeys(file)];
            }

            batch.Add(file);
            keys = added;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static IEnumerable<(string SopClass, string Syntax)> ContextKeys(OutgoingInstance file)
    {
        yield return (file.SopClassUid, file.TransferSyntax.Uid);
        if (file.CanBeReencoded)
        {
            yield return (file.SopClassUid, DicomUids.ExplicitVRLittleEndian);
            yield return (file.SopClassUid, DicomUids.ImplicitVRLittleEndian);
        }
    }

    private static List<PresentationContextRequestItem> ProposeContexts(List<OutgoingInstance> batch)
    {
        var contexts = new List<PresentationContextRequestItem>();
        var seen = new HashSet<(string, string)>();
        foreach (OutgoingInstance file in batch)
        {
            foreach ((string sopClass, string syntax) in ContextKeys(file))
            {
                if (seen.Add((sopClass, syntax)))
                {
                    contexts.Add(new PresentationContextRequestItem((byte)((contexts.Count * 2) + 1), sopClass, [syntax]));
                }
            }
        }

        return contexts;
    }
}
