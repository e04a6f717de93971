namespace Itk3.Gateway.Chaos.Cluster;

/// <summary>One gateway node of the run: its process(es) and API. One instance today; a later <c>--instances N</c> adds
/// processes sharing one store here, and the fault schedule kills one of <see cref="Instances"/>.</summary>
internal sealed class GatewayNode : IAsyncDisposable
{
    private GatewayNode(NodeSpec spec, ChildProcess process, Uri apiUrl)
    {
        Spec = spec;
        Instances = [process];
        Api = new NodeApi(apiUrl, spec.ApiKey);
    }

    /// <summary>Who it is.</summary>
    public NodeSpec Spec { get; }

    /// <summary>Its processes.</summary>
    public IReadOnlyList<ChildProcess> Instances { get; }

    /// <summary>Its HTTP API.</summary>
    public NodeApi Api { get; }

    /// <summary>Writes the config and starts <c>itk3 serve</c>.</summary>
    public static GatewayNode Start(string itk3, string root, NodeSpec spec, Uri meshUrl, Uri? callbackUrl)
    {
        var folder = Path.Combine(root, spec.Name);
        var apiUrl = LoopbackPorts.Url(LoopbackPorts.Next());
        var config = ConfigFiles.WriteNode(folder, spec, meshUrl, apiUrl, callbackUrl);
        var process = new ChildProcess(spec.Name, itk3, ["serve", "--config", config], Path.Combine(root, spec.Name + ".log"));
        process.Start();
        return new GatewayNode(spec, process, apiUrl);
    }

    /// <summary>Waits until the API answers (or the time is up).</summary>
    public async Task<bool> WaitUpAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < until)
        {
            if (await Api.IsUpAsync(cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>The resident-set high-water mark (VmHWM) of its first instance, in bytes, or null when it is not running.</summary>
    public long? PeakResidentBytes() => Instances[0].ProcessId is { } pid ? ProcStatus.PeakResidentBytes(pid) : null;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var instance in Instances)
        {
            await instance.DisposeAsync().ConfigureAwait(false);
        }

        Api.Dispose();
    }
}
