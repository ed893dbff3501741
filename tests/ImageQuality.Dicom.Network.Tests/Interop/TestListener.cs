using System.Net;
using ImageQuality.Dicom.Network.Association;
using ImageQuality.Dicom.Network.Listener;
using ImageQuality.Dicom.Network.Storage;

namespace ImageQuality.Dicom.Network.Tests.Interop;

/// <summary>A listener on a free loopback port storing into a temporary folder; both go away on dispose.</summary>
internal sealed class TestListener : IAsyncDisposable
{
    private TestListener(DicomListener listener, DicomFolderStore store, string root, CapturingLogger<DicomListener> log, CapturingLogger<DicomFolderStore> storeLog)
    {
        Log = log;
        StoreLog = storeLog;
        Listener = listener;
        Store = store;
        Root = root;
    }

    public DicomListener Listener { get; }

    public DicomFolderStore Store { get; }

    public string Root { get; }

    public CapturingLogger<DicomListener> Log { get; }

    public CapturingLogger<DicomFolderStore> StoreLog { get; }

    /// <summary>Listener and store log lines together.</summary>
    public string[] LogLines => [.. Log.Lines, .. StoreLog.Lines];

    public int Port => Listener.LocalEndPoint.Port;

    public string PortText => Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static TestListener Start(Action<DicomListenerOptions>? configure = null, DicomFolderStoreOptions? storeOptions = null)
    {
        string root = Path.Combine(Path.GetTempPath(), "iq-net-" + Guid.NewGuid().ToString("N"));
        var options = new DicomListenerOptions { Port = 0, BindAddress = IPAddress.Loopback.ToString() };
        configure?.Invoke(options);
        var log = new CapturingLogger<DicomListener>();
        var storeLog = new CapturingLogger<DicomFolderStore>();
        var store = new DicomFolderStore(root, storeOptions, storeLog);
        var listener = new DicomListener(options, store, log);
        listener.Start();
        return new TestListener(listener, store, root, log, storeLog);
    }

    /// <summary>Stored instances, the temporary folder left out.</summary>
    public string[] StoredFiles() =>
        [.. Directory.EnumerateFiles(Root, "*.dcm", SearchOption.AllDirectories).Where(p => !p.Contains(DicomFolderStore.IncomingFolderName, StringComparison.Ordinal))];

    /// <summary>Every file under the root, temporary ones included.</summary>
    public string[] AllFiles() => [.. Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)];

    public async ValueTask DisposeAsync()
    {
        await Listener.DisposeAsync();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
