namespace Itk3.Gateway.Api.Hosting;

/// <summary>What a listen URL exposes: TLS or not, loopback or reachable from the network.</summary>
public static class ListenAddresses
{
    /// <summary>True for an <c>https</c> URL.</summary>
    public static bool IsHttps(string url) => url.TrimStart().StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the URL is plain <c>http</c> on an address other than loopback (for example <c>0.0.0.0</c>, <c>*</c> or a LAN address).</summary>
    public static bool IsPlainHttpBeyondLoopback(string url)
    {
        if (IsHttps(url))
        {
            return false;
        }

        var normalised = url.Trim().Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalised, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return !uri.IsLoopback;
    }
}
