using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Building;

/// <summary>The six handling keys of Extension-ITK-MessageHandling-2 as a sender sets them.</summary>
public sealed record HandlingSpecification
{
    /// <summary>The SenderReference and LocalExtension default meaning "not used".</summary>
    public const string None = "None";

    /// <summary>BusAckRequested: the sender wants a business response.</summary>
    public required bool BusAckRequested { get; init; }

    /// <summary>InfAckRequested: the sender wants an infrastructure response.</summary>
    public required bool InfAckRequested { get; init; }

    /// <summary>RecipientType: FA when the recipient must act, FI otherwise.</summary>
    public RecipientType RecipientType { get; init; } = RecipientTypes.ForAction;

    /// <summary>The MessageDefinition URL (the payload's MessageDefinition).</summary>
    public required string MessageDefinition { get; init; }

    /// <summary>SenderReference: up to 255 characters, echoed in responses; <c>None</c> when unused.</summary>
    public string SenderReference { get; init; } = None;

    /// <summary>The LocalExtension value as a <c>value[x]</c> node (any type); null means valueString <c>None</c>.</summary>
    public ElementNode? LocalExtensionValue { get; init; }
}
