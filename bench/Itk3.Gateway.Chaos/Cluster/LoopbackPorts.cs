using System.Net;
using System.Net.Sockets;

namespace Itk3.Gateway.Chaos.Cluster;

/// <summary>Free TCP ports on 127.0.0.1, chosen once so that a restarted process listens where its peers expect it.</summary>
internal static class LoopbackPorts
{
    /// <summary>A port free at the time of asking.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary><c>http://127.0.0.1:port</c>.</summary>
    public static Uri Url(int port) => new($"http://127.0.0.1:{port}");
}
