using Itk3.Fhir.ElementModel;

namespace Itk3.Messaging.Building;

/// <summary>A payload to carry: an inner document bundle, an inner payload bundle, or resources.</summary>
public sealed record ItkPayload(PayloadKind Kind, IReadOnlyList<ElementNode> Resources)
{
    /// <summary>An inner document bundle (type <c>document</c>).</summary>
    public static ItkPayload Document(ElementNode documentBundle) => new(PayloadKind.Document, [Require(documentBundle, "Bundle")]);

    /// <summary>An inner non-document bundle.</summary>
    public static ItkPayload Bundle(ElementNode payloadBundle) => new(PayloadKind.Bundle, [Require(payloadBundle, "Bundle")]);

    /// <summary>Resources carried directly in the message bundle.</summary>
    public static ItkPayload FromResources(params IReadOnlyList<ElementNode> resources)
    {
        ArgumentOutOfRangeException.ThrowIfZero(resources.Count);
        foreach (var resource in resources)
        {
            if (!resource.IsResource)
            {
                throw new ArgumentException("Every payload node must be a resource.", nameof(resources));
            }
        }

        return new(PayloadKind.Resources, resources);
    }

    private static ElementNode Require(ElementNode node, string type) =>
        node.ResourceType == type ? node : throw new ArgumentException($"The payload must be a {type} resource.", nameof(node));
}
