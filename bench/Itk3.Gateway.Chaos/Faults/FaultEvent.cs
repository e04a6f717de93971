namespace Itk3.Gateway.Chaos.Faults;

/// <summary>The process and application faults the schedule injects (MESH call faults come from the proxy throughout the window).</summary>
internal enum FaultEvent
{
    /// <summary>kill -9 of the sending node, restarted after a short pause.</summary>
    KillHospital,

    /// <summary>kill -9 of the receiving node, restarted after a short pause.</summary>
    KillPractice,

    /// <summary>kill -9 of the MESH server, restarted after a short pause.</summary>
    KillMesh,

    /// <summary>The application stops listening for a long stretch.</summary>
    ApplicationDown,

    /// <summary>The application answers 500 for a stretch.</summary>
    ApplicationFailing,
}
