namespace Itk3.Gateway.Reliability;

/// <summary>Thrown by a test's <see cref="ICrashHook"/>: the node stops every loop at once, as if the process died.</summary>
public sealed class SimulatedCrashException : Exception
{
    /// <summary>Creates the exception for a crash point.</summary>
    public SimulatedCrashException(CrashPoint point)
        : base($"Simulated crash at {point}.")
    {
        Point = point;
    }

    /// <summary>Creates the exception.</summary>
    public SimulatedCrashException()
        : this(CrashPoint.AfterDownloadBeforeCommit)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SimulatedCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Where the node was killed.</summary>
    public CrashPoint Point { get; }
}
