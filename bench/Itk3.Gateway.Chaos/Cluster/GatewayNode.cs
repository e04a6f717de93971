namespace Itk3.Gateway.Chaos.Cluster;

/// <summary>One gateway node of the run: its instances (processes sharing one store: one on SQLite, <c>--instances N</c> on
/// PostgreSQL) and its API; the fault schedule kills one of <see cref="Instances"/>.</summary>
internal sealed class GatewayNode : IAsyncDisposable
{
    private GatewayNode(NodeSpec spec, IReadOnlyList<ChildProcess> processes, IReadOnlyList<Uri> apiUrls, TimeSpan? apiTimeout)
    {
        Spec = spec;
        Instances = processes;
        Api = new NodeApi(apiUrls, spec.ApiKey, apiTimeout);
    }

    /// <summary>Who it is.</summary>
    public NodeSpec Spec { get; }

    /// <summary>Its processes.</summary>
    public IReadOnlyList<ChildProcess> Instances { get; }

    /// <summary>Its HTTP API.</summary>
    public NodeApi Api { get; }

    /// <summary>Writes the configs and starts <c>itk3 serve</c> once per instance.</summary>
    public static GatewayNode Start(string itk3, string root, NodeSpec spec, Uri meshUrl, Uri? callbackUrl, ChaosStore? store = null, TimeSpan? apiTimeout = null)
    {
        store ??= ChaosStore.Sqlite;
        var processes = new List<ChildProcess>();
        var apiUrls = new List<Uri>();
        for (var i = 0; i < store.Instances; i++)
        {
            var name = store.Instances == 1 ? spec.Name : $"{spec.Name}-{i + 1}";
            var apiUrl = LoopbackPorts.Url(LoopbackPorts.Next());
            var config = ConfigFiles.WriteNode(Path.Combine(root, name), spec, meshUrl, apiUrl, callbackUrl, store.SectionFor(spec), name);
            var process = new ChildProcess(name, itk3, ["serve", "--config", config], Path.Combine(root, name + ".log"));
            process.Start();
            processes.Add(process);
            apiUrls.Add(apiUrl);
        }

        return new GatewayNode(spec, processes, apiUrls, apiTimeout);
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
