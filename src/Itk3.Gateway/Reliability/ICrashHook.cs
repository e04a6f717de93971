namespace Itk3.Gateway.Reliability;

/// <summary>Called at every <see cref="CrashPoint"/>; a test implementation throws <see cref="SimulatedCrashException"/> to kill the node there.</summary>
public interface ICrashHook
{
    /// <summary>The node reached <paramref name="point"/>.</summary>
    void Reached(CrashPoint point);
}
