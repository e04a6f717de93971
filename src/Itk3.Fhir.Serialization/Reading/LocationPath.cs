namespace Itk3.Fhir.Serialization.Reading;

/// <summary>Builds FHIRPath-style locations such as <c>Bundle.entry[0].resource.ofType(MessageHeader).event</c>.</summary>
internal static class LocationPath
{
    /// <summary>The location of a child element; <paramref name="index"/> is given for elements that repeat.</summary>
    public static string Child(string parent, string name, int? index = null) =>
        index is { } i ? $"{parent}.{name}[{i}]" : $"{parent}.{name}";

    /// <summary>The location of a resource held by a container element.</summary>
    public static string OfType(string container, string resourceType) => $"{container}.ofType({resourceType})";
}
