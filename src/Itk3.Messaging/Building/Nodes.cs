using Itk3.Fhir.ElementModel;

namespace Itk3.Messaging.Building;

/// <summary>Terse constructors for element trees built in code.</summary>
internal static class Nodes
{
    public static ElementNode P(string name, string value) => new(name, value);

    public static ElementNode N(string name, params IEnumerable<ElementNode?> children) =>
        new(name, null, [.. children.OfType<ElementNode>()]);

    public static ElementNode Resource(string type, params IEnumerable<ElementNode?> children) =>
        new(type, null, [.. children.OfType<ElementNode>()], type);

    public static ElementNode Meta(string profile) => N("meta", P("profile", profile));

    public static ElementNode Reference(string name, string reference) => N(name, P("reference", reference));

    public static ElementNode Coding(string name, string system, string code, string display) =>
        N(name, P("system", system), P("code", code), P("display", display));

    public static ElementNode Identifier(string system, string value) => N("identifier", P("system", system), P("value", value));

    public static ElementNode Entry(string fullUrl, ElementNode resource) => N("entry", P("fullUrl", fullUrl), resource.WithName("resource"));

    public static string UrnUuid(string id) => "urn:uuid:" + id;

    /// <summary>A copy of a resource whose <c>id</c> is the given one (added first, or replaced).</summary>
    public static ElementNode WithId(ElementNode resource, string id)
    {
        var children = new List<ElementNode>(resource.Children.Count + 1) { P("id", id) };
        children.AddRange(resource.Children.Where(c => c.Name != "id"));
        return new ElementNode(resource.Name, resource.Value, children, resource.ResourceType, resource.Position);
    }
}
