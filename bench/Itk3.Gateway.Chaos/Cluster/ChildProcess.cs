using System.Diagnostics;

namespace Itk3.Gateway.Chaos.Cluster;

/// <summary>One <c>itk3</c> child process (a node or the MESH server): started, killed with SIGKILL, restarted with the same arguments; output appended to a log file.</summary>
internal sealed class ChildProcess(string name, string itk3Dll, IReadOnlyList<string> arguments, string logFile) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private Process? _process;

    /// <summary>The name used in the event log ("hospital", "practice", "mesh").</summary>
    public string Name { get; } = name;

    /// <summary>How many times it was killed.</summary>
    public int Kills { get; private set; }

    /// <summary>The operating-system process id, or null when not running.</summary>
    public int? ProcessId
    {
        get
        {
            lock (_gate)
            {
                return _process is { HasExited: false } p ? p.Id : null;
            }
        }
    }

    /// <summary>Starts the process (no wait for readiness).</summary>
    public void Start()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(itk3Dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {Name}");
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        log.WriteLine($"--- {Name} started (pid {process.Id}) {DateTimeOffset.UtcNow:O}");
        _ = PumpAsync(process.StandardOutput, log);
        _ = PumpAsync(process.StandardError, log);
        lock (_gate)
        {
            _process = process;
        }
    }

    /// <summary>Kills the process with SIGKILL (no clean shutdown), counts the kill, and waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        Kills++;
        await StopAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task StopAsync()
    {
        Process? process;
        lock (_gate)
        {
            process = _process;
            _process = null;
        }

        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync().ConfigureAwait(false);
        process.Dispose();
    }

    private static async Task PumpAsync(StreamReader reader, StreamWriter log)
    {
        string? line;
        while ((line = await reader.ReadLineAsync().ConfigureAwait(false)) is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }
}
