namespace Itk3.Gateway.Reliability;

/// <summary>The production hook: never crashes.</summary>
public sealed class NoCrashes : ICrashHook
{
    /// <summary>The shared instance.</summary>
    public static NoCrashes Instance { get; } = new();

    /// <inheritdoc />
    public void Reached(CrashPoint point)
    {
    }
}
