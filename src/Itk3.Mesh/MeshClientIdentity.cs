using System.Runtime.InteropServices;
using Itk3.Mesh.Http;

namespace Itk3.Mesh;

/// <summary>The handshake headers that identify this client to the MESH team (MESH.md §10).</summary>
internal static class MeshClientIdentity
{
    /// <summary>The default mex-ClientVersion value: <c>Itk3.Mesh=={assembly version}</c>.</summary>
    public static readonly string DefaultClientVersion =
        $"Itk3.Mesh=={typeof(MeshClientIdentity).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"}";

    /// <summary>Adds mex-ClientVersion, mex-OSName, mex-OSVersion, mex-OSArchitecture and mex-JavaVersion.</summary>
    public static void AddHandshakeHeaders(HttpRequestMessage request, string clientVersion)
    {
        request.Headers.TryAddWithoutValidation(MeshHeaders.ClientVersion, clientVersion);
        request.Headers.TryAddWithoutValidation(MeshHeaders.OsName, OsName());
        request.Headers.TryAddWithoutValidation(MeshHeaders.OsVersion, Environment.OSVersion.Version.ToString());
        request.Headers.TryAddWithoutValidation(MeshHeaders.OsArchitecture, RuntimeInformation.OSArchitecture.ToString());
        request.Headers.TryAddWithoutValidation(MeshHeaders.JavaVersion, "N/A");
    }

    /// <summary>User-Agent in mesh-client's layout: <c>{app};{client};N/A;{arch};{os};{version}</c>.</summary>
    public static string UserAgent(string clientVersion) =>
        $"itk3;{clientVersion};N/A;{RuntimeInformation.OSArchitecture};{OsName()};{Environment.OSVersion.Version}";

    private static string OsName() =>
        OperatingSystem.IsLinux() ? "Linux" : OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsMacOS() ? "Darwin" : "Other";
}
