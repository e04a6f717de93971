using System.Diagnostics;

namespace Itk3.Mesh.Contract.Tests.Support;

/// <summary>
/// Samples the process working set and the GC heap every few milliseconds on a background thread and keeps the
/// peaks, so a transfer's memory can be compared with the baseline taken just before it.
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peakWorkingSet;
    private long _peakHeap;

    private MemorySampler(long baselineWorkingSet, long baselineHeap)
    {
        BaselineWorkingSet = baselineWorkingSet;
        BaselineHeap = baselineHeap;
        _peakWorkingSet = baselineWorkingSet;
        _peakHeap = baselineHeap;
        _loop = Task.Run(LoopAsync);
    }

    public long BaselineWorkingSet { get; }

    public long BaselineHeap { get; }

    public long PeakWorkingSetAboveBaseline => Math.Max(0, Interlocked.Read(ref _peakWorkingSet) - BaselineWorkingSet);

    public long PeakHeapAboveBaseline => Math.Max(0, Interlocked.Read(ref _peakHeap) - BaselineHeap);

    /// <summary>Collects garbage, records the baseline and starts sampling.</summary>
    public static MemorySampler Start()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return new MemorySampler(WorkingSet(), GC.GetTotalMemory(false));
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        await _loop;
        Sample();
    }

    private static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Sample();
            try
            {
                await Task.Delay(5, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Sample()
    {
        Max(ref _peakWorkingSet, WorkingSet());
        Max(ref _peakHeap, GC.GetTotalMemory(false));
    }

    private static void Max(ref long target, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref target)) &&
               Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
