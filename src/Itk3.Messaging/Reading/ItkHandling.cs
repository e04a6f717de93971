using Itk3.Fhir.ElementModel;

namespace Itk3.Messaging.Reading;

/// <summary>
/// The handling specification as received: every key is optional and kept raw so that a receiver can tell
/// missing from unreadable. Unknown keys (local agreement, the removed <c>Priority</c>) are kept in <see cref="OtherKeys"/>.
/// </summary>
public sealed record ItkHandling(ElementNode Extension, IReadOnlyList<ElementNode> Keys)
{
    /// <summary>The six keys defined by Extension-ITK-MessageHandling-2.</summary>
    public static IReadOnlyList<string> DefinedKeys { get; } =
        ["BusAckRequested", "InfAckRequested", "RecipientType", "MessageDefinition", "SenderReference", "LocalExtension"];

    /// <summary>The sub-extensions with the given url.</summary>
    public IEnumerable<ElementNode> KeysNamed(string url) => Keys.Where(k => k.ChildValue("url") == url);

    /// <summary>The first sub-extension with the given url, or null.</summary>
    public ElementNode? Key(string url) => Keys.FirstOrDefault(k => k.ChildValue("url") == url);

    /// <summary>BusAckRequested when present and a valid boolean, otherwise null.</summary>
    public bool? BusAckRequested => Flag("BusAckRequested");

    /// <summary>InfAckRequested when present and a valid boolean, otherwise null.</summary>
    public bool? InfAckRequested => Flag("InfAckRequested");

    /// <summary>The RecipientType code (as received), or null.</summary>
    public string? RecipientTypeCode => Key("RecipientType")?.Select("valueCoding.code")?.Value;

    /// <summary>The MessageDefinition URL (as received), or null.</summary>
    public string? MessageDefinition => Key("MessageDefinition")?.Select("valueReference.reference")?.Value;

    /// <summary>The SenderReference string (as received), or null.</summary>
    public string? SenderReference => Key("SenderReference")?.ChildValue("valueString");

    /// <summary>The LocalExtension <c>value[x]</c> node of any type, or null.</summary>
    public ElementNode? LocalExtensionValue => Key("LocalExtension")?.Children.FirstOrDefault(c => c.Name.StartsWith("value", StringComparison.Ordinal));

    /// <summary>True when the removed <c>Priority</c> key (pre-2.5.0 senders) is present.</summary>
    public bool HasPriorityKey => Key("Priority") is not null;

    /// <summary>Keys other than the six defined ones, in order.</summary>
    public IReadOnlyList<ElementNode> OtherKeys => [.. Keys.Where(k => !DefinedKeys.Contains(k.ChildValue("url") ?? string.Empty))];

    private bool? Flag(string url) => Key(url)?.ChildValue("valueBoolean") switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };
}
