using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ImageQuality.Dicom.Network.Association;
using ImageQuality.Dicom.Network.Dimse;
using ImageQuality.Dicom.Network.Tls;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImageQuality.Dicom.Network.Listener;

/// <summary>
/// The storage SCP: accepts TCP connections and serves each on its own task (C-ECHO, C-STORE). The accept loop
/// does nothing but accept: no read, handshake or negotiation happens on it, so a slow or silent peer cannot hold
/// up others. Connections beyond <see cref="DicomListenerOptions.MaxAssociations"/> are still read, so that they
/// can be rejected as the standard says (transient, source 3, reason 2). With <see cref="DicomListenerOptions.Tls"/>
/// a second port serves DICOM TLS: each connection's handshake runs on the connection's own task under the ARTIM
/// timeout, before any association exists, so a failed or stalled handshake holds no association slot.
/// </summary>
public sealed class DicomListener : IAsyncDisposable
{
    private readonly DicomListenerOptions _options;
    private readonly IDicomStoreHandler _store;
    private readonly ILogger _log;
    private readonly AssociationNegotiator _negotiator;
    private readonly AssociationSlots _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, Task> _connections = new();
    private readonly DicomTlsServer? _tls;
    private TcpListener? _listener;
    private TcpListener? _tlsListener;
    private Task _acceptLoop = Task.CompletedTask;
    private Task _tlsAcceptLoop = Task.CompletedTask;
    private long _nextConnection;

    public DicomListener(DicomListenerOptions options, IDicomStoreHandler storeHandler, ILogger<DicomListener>? logger = null)
    {
        options.Validate();
        _options = options;
        _store = storeHandler;
        _log = (ILogger?)logger ?? NullLogger.Instance;
        _negotiator = new AssociationNegotiator(options);
        _slots = new AssociationSlots(options.MaxAssociations);
        _tls = options.Tls is { } tls ? new DicomTlsServer(tls) : null;
    }

    /// <summary>Where the listener listens; with port 0 in the options, the port actually taken.</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)(_listener ?? throw new InvalidOperationException("The listener is not started")).LocalEndpoint;

    /// <summary>Where the TLS port listens; null without TLS.</summary>
    public IPEndPoint? TlsLocalEndPoint => (IPEndPoint?)_tlsListener?.LocalEndpoint;

    /// <summary>Associations established now (those that hold a slot).</summary>
    public int ActiveAssociations => _slots.Count;

    /// <summary>Open transport connections, associated or not.</summary>
    public int OpenConnections => _connections.Count;

    public void Start()
    {
        if (_listener is not null)
        {
            throw new InvalidOperationException("The listener is already started");
        }

        _listener = Listen(_options.Port);
        if (_tls is not null)
        {
            try
            {
                _tlsListener = Listen(_options.Tls!.Port);
            }
            catch
            {
                _listener.Stop();
                throw;
            }
        }

        _log.LogInformation("DICOM listener {AeTitle} on {EndPoint}", _options.AeTitle, _listener.LocalEndpoint);
        _acceptLoop = AcceptLoopAsync(_listener, tls: false, _stopping.Token);
        if (_tlsListener is not null)
        {
            _log.LogInformation("DICOM TLS listener {AeTitle} on {EndPoint}, certificate {Subject}, client certificate {ClientCertificate}", _options.AeTitle, _tlsListener.LocalEndpoint, _tls!.Subject, _options.Tls!.RequireClientCertificate ? "required" : "optional");
            _tlsAcceptLoop = AcceptLoopAsync(_tlsListener, tls: true, _stopping.Token);
        }
    }

    private TcpListener Listen(int port)
    {
        var address = IPAddress.Parse(_options.BindAddress);
        var listener = new TcpListener(address, port);
        if (address.Equals(IPAddress.IPv6Any))
        {
            listener.Server.DualMode = true;
        }

        listener.Start(backlog: 512);
        return listener;
    }

    /// <summary>Stops accepting, aborts open associations (A-ABORT, partial instances discarded) and waits for them to end.</summary>
    public async Task StopAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        _listener?.Stop();
        _tlsListener?.Stop();
        await _acceptLoop.ConfigureAwait(false);
        await _tlsAcceptLoop.ConfigureAwait(false);
        await Task.WhenAll(_connections.Values).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(TcpListener listener, bool tls, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException e)
            {
                // A connection reset before it was accepted, or a descriptor shortage: keep accepting.
                _log.LogWarning("Accepting a connection failed: {Error}", e.SocketErrorCode);
                continue;
            }

            // Registered before it runs, so that its own removal at the end cannot come first.
            long id = Interlocked.Increment(ref _nextConnection);
            var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _connections[id] = Task.Run(
                async () =>
                {
                    await registered.Task.ConfigureAwait(false);
                    await ServeAsync(socket, tls, stopping).ConfigureAwait(false);
                    _connections.TryRemove(id, out _);
                },
                CancellationToken.None);
            registered.SetResult();
        }
    }

    private async Task ServeAsync(Socket socket, bool tls, CancellationToken stopping)
    {
        try
        {
            // Debian's dcmtk and others leave Nagle on; we never want a response held back by a delayed ACK.
            socket.NoDelay = true;
            var remote = socket.RemoteEndPoint as IPEndPoint;
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            if (tls)
            {
                Stream? secured = await HandshakeAsync(stream, remote, stopping).ConfigureAwait(false);
                if (secured is null)
                {
                    return;
                }

                stream = secured;
            }

            var acceptor = new AssociationAcceptor(stream, remote, _options, _negotiator, _slots, _store, _log, stopping);
            await acceptor.RunAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _log.LogError(e, "Serving a connection failed");
            socket.Dispose();
        }
    }

    /// <summary>The TLS handshake; on failure one warning line says why, the connection is closed, and null is returned.</summary>
    private async Task<Stream?> HandshakeAsync(Stream transport, IPEndPoint? remote, CancellationToken stopping)
    {
        try
        {
            System.Net.Security.SslStream ssl = await _tls!.AuthenticateAsync(transport, _options.ArtimTimeout, stopping).ConfigureAwait(false);
            _log.LogInformation("TLS connection from {Remote}: {Session}", remote, TlsCertificates.Describe(ssl));
            return ssl;
        }
        catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            _log.LogWarning("TLS connection from {Remote} refused: handshake failed: {Reason}", remote, Reason(e));
            await transport.DisposeAsync().ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException)
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>The innermost useful message: SslStream wraps OpenSSL's reason (e.g. "unsupported protocol") in generic ones.</summary>
    private static string Reason(Exception e)
    {
        var parts = new List<string>();
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            // SslStream's own wrappers ("Authentication failed, see inner exception.") say nothing.
            if (!parts.Contains(x.Message) && !x.Message.Contains("see inner exception", StringComparison.Ordinal))
            {
                parts.Add(x.Message);
            }
        }

        return string.Join(": ", parts);
    }
}
