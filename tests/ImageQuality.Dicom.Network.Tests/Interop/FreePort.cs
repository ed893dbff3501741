using System.Net;
using System.Net.Sockets;

namespace ImageQuality.Dicom.Network.Tests.Interop;

internal static class FreePort
{
    /// <summary>A loopback port free right now (for peers such as storescp that cannot pick their own).</summary>
    public static int Next()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
