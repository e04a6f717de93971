using Itk3.Fhir.ElementModel;

namespace Itk3.Messaging.Reading;

/// <summary>One entry of a message bundle: its index, fullUrl and resource (null when the entry has none).</summary>
public sealed record ItkEntry(int Index, string? FullUrl, ElementNode? Resource)
{
    /// <summary>The resource type, or null.</summary>
    public string? ResourceType => Resource?.ResourceType;

    /// <summary>The FHIRPath-style location of the entry's resource.</summary>
    public string Location => $"Bundle.entry[{Index}].resource";
}
