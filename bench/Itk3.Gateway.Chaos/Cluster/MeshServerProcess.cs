namespace Itk3.Gateway.Chaos.Cluster;

/// <summary><c>itk3 mesh serve</c> as a child process on a fixed loopback port, so a restart comes back at the same URL with its data.</summary>
internal sealed class MeshServerProcess : IAsyncDisposable
{
    private MeshServerProcess(ChildProcess process, Uri url)
    {
        Process = process;
        Url = url;
    }

    /// <summary>The process.</summary>
    public ChildProcess Process { get; }

    /// <summary>Where it listens.</summary>
    public Uri Url { get; }

    /// <summary>Writes the config and starts the server.</summary>
    public static MeshServerProcess Start(string itk3, string root, IReadOnlyList<NodeSpec> nodes)
    {
        var folder = Path.Combine(root, "mesh");
        var config = ConfigFiles.WriteMesh(folder, nodes);
        var url = LoopbackPorts.Url(LoopbackPorts.Next());
        var process = new ChildProcess("mesh", itk3, ["mesh", "serve", "--config", config, "--data", Path.Combine(folder, "data"), "--urls", url.ToString().TrimEnd('/')],
            Path.Combine(root, "mesh.log"));
        process.Start();
        return new MeshServerProcess(process, url);
    }

    /// <summary>Waits until it answers HTTP (any status) or the time is up.</summary>
    public async Task<bool> WaitUpAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < until)
        {
            try
            {
                using var response = await http.GetAsync(Url, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
        }

        return false;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
