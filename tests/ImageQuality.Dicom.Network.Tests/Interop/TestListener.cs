using System.Net;
using ImageQuality.Dicom.Network.Association;
using ImageQuality.Dicom.Network.Listener;
using ImageQuality.Dicom.Network.Storage;

namespace ImageQuality.Dicom.Network.Tests.Interop;

/// <summary>A listener on a free loopback port storing into a temporary folder; both go away on dispose.</summary>
internal sealed class TestListener : IAsyncDisposable
{
    private TestListener(DicomListener listener, DicomFolderStore store, string root)
    {
        Listener = listener;
        Store = store;
        Root = root;
    }

    public DicomListener Listener { get; }

    public DicomFolderStore Store { get; }

    public string Root { get; }

    public int Port => Listener.LocalEndPoint.Port;

    public string PortText => Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static TestListener Start(Action<DicomListenerOptions>? configure = null)
    {
        string root = Path.Combine(Path.GetTempPath(), "iq-net-" + Guid.NewGuid().ToString("N"));
        var options = new DicomListenerOptions { Port = 0, BindAddress = IPAddress.Loopback.ToString() };
        configure?.Invoke(options);
        var store = new DicomFolderStore(root);
        var listener = new DicomListener(options, store);
        listener.Start();
        return new TestListener(listener, store, root);
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
