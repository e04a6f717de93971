namespace Itk3.Gateway.Chaos.Recording;

/// <summary>How the recording application behaves.</summary>
internal enum ApplicationMode
{
    /// <summary>Takes every delivery (200) and reports outcome 30001.</summary>
    Up,

    /// <summary>Answers every delivery 500 (and records nothing).</summary>
    Failing,

    /// <summary>Not listening: connections are refused.</summary>
    Down,
}
