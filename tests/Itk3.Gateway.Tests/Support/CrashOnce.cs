using Itk3.Gateway.Reliability;

namespace Itk3.Gateway.Tests.Support;

/// <summary>Kills the node the first time it reaches the chosen step.</summary>
internal sealed class CrashOnce(CrashPoint point) : ICrashHook
{
    private int _fired;

    public bool Fired => Volatile.Read(ref _fired) == 1;

    public void Reached(CrashPoint reached)
    {
        if (reached == point && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            throw new SimulatedCrashException(point);
        }
    }
}
