namespace Itk3.Messaging.Validation;

/// <summary>A MessageDefinition a flow knows: its URL, its version and whether this receiver supports it (10005 when not).</summary>
public sealed record FlowDefinition
{
    /// <summary>The canonical URL carried in the MessageDefinition handling key.</summary>
    public required string Url { get; init; }

    /// <summary>MessageDefinition.version (informative; the URL's trailing <c>-N</c> is what the wire carries).</summary>
    public string? Version { get; init; }

    /// <summary>False for a known but unsupported definition (answered 10005).</summary>
    public bool Supported { get; init; } = true;
}
