using System.Buffers;
using System.Net.Sockets;
using ImageQuality.Dicom.Network.Pdus;
using ImageQuality.Dicom.Network.Pdus.Items;

namespace ImageQuality.Dicom.Network.Tests.Interop;

/// <summary>A hand-driven peer on a plain socket: sends whatever bytes a test wants and reads PDUs back.</summary>
internal sealed class RawPeer : IDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly List<byte> _pending = [];

    private RawPeer(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<RawPeer> ConnectAsync(int port)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync("127.0.0.1", port);
        return new RawPeer(client);
    }

    public static AssociateRequestPdu Request(string sopClass = "1.2.840.10008.1.1", string calledAe = "IMAGEQUALITY", ushort version = 1) => new()
    {
        ProtocolVersion = version,
        CalledAeTitle = calledAe,
        CallingAeTitle = "RAWPEER",
        PresentationContexts = [new PresentationContextRequestItem(1, sopClass, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian])],
        UserInformation = new UserInformationItem { MaximumLength = 16384, ImplementationClassUid = "1.2.3.4" },
    };

    /// <summary>Associates and returns the A-ASSOCIATE-AC.</summary>
    public async Task<AssociateAcceptPdu> AssociateAsync(string sopClass = "1.2.840.10008.1.1")
    {
        await SendAsync(Request(sopClass).ToArray());
        Pdu? answer = await ReadPduAsync();
        return answer.Should().BeOfType<AssociateAcceptPdu>().Subject;
    }

    public Task SendAsync(byte[] bytes) => _stream.WriteAsync(bytes).AsTask();

    /// <summary>The next PDU, or null when the listener closed the connection first.</summary>
    public async Task<Pdu?> ReadPduAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        byte[] chunk = new byte[65536];
        while (true)
        {
            var buffer = new ReadOnlySequence<byte>(_pending.ToArray());
            if (PduReader.TryRead(ref buffer, new PduReadLimits(0, 1 << 20), out Pdu? pdu))
            {
                _pending.RemoveRange(0, _pending.Count - (int)buffer.Length);
                return pdu;
            }

            int n;
            try
            {
                n = await _stream.ReadAsync(chunk, cts.Token);
            }
            catch (IOException)
            {
                return null;
            }

            if (n == 0)
            {
                return null;
            }

            _pending.AddRange(chunk.AsSpan(0, n).ToArray());
        }
    }

    /// <summary>Waits until the listener closes the connection; true if it did within the time.</summary>
    public async Task<bool> WaitForCloseAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        byte[] chunk = new byte[4096];
        try
        {
            while (await _stream.ReadAsync(chunk, cts.Token) > 0)
            {
            }

            return true;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => _client.Dispose();
}
