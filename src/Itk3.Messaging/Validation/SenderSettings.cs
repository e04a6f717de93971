namespace Itk3.Messaging.Validation;

/// <summary>Sender checks. With MESH GP look-up routing, 20003 and 20012 are never used (R42).</summary>
public sealed record SenderSettings
{
    /// <summary>True when the domain routes by MESH GP look-up: sender checks are skipped.</summary>
    public bool MeshGpLookup { get; init; }

    /// <summary>When true, senders not in <see cref="Known"/> are unrecognised (20003).</summary>
    public bool AllowListEnabled { get; init; }

    /// <summary>Recognised sender identifiers (ODS codes or SDS user ids).</summary>
    public IReadOnlyList<string> Known { get; init; } = [];

    /// <summary>Senders this receiver is configured to reject (20012).</summary>
    public IReadOnlyList<string> Blocked { get; init; } = [];
}
