namespace Itk3.Gateway.Chaos;

/// <summary>One chaos run's settings (see <c>--help</c>).</summary>
/// <param name="Seed">Seeds the fault schedule and the proxy's choices; the same seed gives the same schedule.</param>
/// <param name="Transactions">How many transactions the hospital submits (spread over the fault window).</param>
/// <param name="Duration">How long faults are injected.</param>
/// <param name="FaultRate">The share of MESH calls the proxy faults during the window.</param>
/// <param name="EventsPerMinute">How many kills or application outages start per minute on average.</param>
/// <param name="ApplicationOutage">The longest stretch the application is down.</param>
/// <param name="Settle">How long to wait for convergence after the faults stop.</param>
/// <param name="Itk3">The built itk3.dll to run (null: the one built beside the tool).</param>
/// <param name="DataRoot">Where the run's folders and logs go.</param>
/// <param name="Keep">Keep the folders and logs after the run.</param>
internal sealed record ChaosSettings(
    int Seed,
    int Transactions,
    TimeSpan Duration,
    double FaultRate,
    double EventsPerMinute,
    TimeSpan ApplicationOutage,
    TimeSpan Settle,
    string? Itk3,
    string DataRoot,
    bool Keep)
{
    /// <summary>The nodes' store and instances per node.</summary>
    public Cluster.ChaosStore Store { get; init; } = Cluster.ChaosStore.Sqlite;
}
