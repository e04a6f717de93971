using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>Locations and small checks shared by the rules.</summary>
internal static class RuleSupport
{
    public const string Document = "(document)";

    public static string HandlingLocation(ItkHeader header) => $"{header.Location}.extension('{ItkUrls.MessageHandling2}')";

    public static string KeyLocation(ItkHeader header, string key) => $"{HandlingLocation(header)}.extension('{key}')";

    /// <summary>The parse-issue location prefix of the handling extension (<c>…ofType(MessageHeader).extension[i]</c>), or null.</summary>
    public static string? HandlingParseLocation(ItkHeader header)
    {
        if (header.HandlingExtensions.Count == 0)
        {
            return null;
        }

        var index = IndexAmong(header.Node.ChildrenNamed("extension"), header.HandlingExtensions[0]);
        return index < 0 ? null : $"{header.Location}.extension[{index}]";
    }

    /// <summary>The parse-issue location prefix of one handling key's sub-extension, or null.</summary>
    public static string? KeyParseLocation(ItkHeader header, ElementNode key)
    {
        var handling = HandlingParseLocation(header);
        var index = header.Handling is { } h ? IndexAmong(h.Extension.ChildrenNamed("extension"), key) : -1;
        return handling is null || index < 0 ? null : $"{handling}.extension[{index}]";
    }

    /// <summary>True when a location is <paramref name="prefix"/> or lies under it.</summary>
    public static bool IsUnder(string location, string? prefix) =>
        prefix is not null && location.StartsWith(prefix, StringComparison.Ordinal)
        && (location.Length == prefix.Length || location[prefix.Length] is '.' or '[');

    /// <summary>The first parse error under a location prefix, or null.</summary>
    public static Itk3.Fhir.Issues.Issue? ParseErrorUnder(ValidationContext context, string? prefix) =>
        prefix is null ? null : context.Read.Issues.FirstOrDefault(i => i.IsError && IsUnder(i.Location, prefix));

    private static int IndexAmong(IEnumerable<ElementNode> siblings, ElementNode node)
    {
        var index = 0;
        foreach (var sibling in siblings)
        {
            if (ReferenceEquals(sibling, node))
            {
                return index;
            }

            index++;
        }

        return -1;
    }

    /// <summary>True when a parse-issue location lies in the payload rather than the bundle, header or participants.</summary>
    public static bool IsPayloadLocation(ItkMessage message, string location)
    {
        foreach (var entry in message.PayloadEntries)
        {
            var prefix = $"Bundle.entry[{entry.Index}]";
            if (location.StartsWith(prefix, StringComparison.Ordinal) && (location.Length == prefix.Length || location[prefix.Length] == '.'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Visits a subtree depth first, the node itself first; a visit returning false skips that node's children.</summary>
    public static void Walk(ElementNode node, Func<ElementNode, bool> visit)
    {
        if (!visit(node))
        {
            return;
        }

        var children = node.Children;
        for (var i = 0; i < children.Count; i++)
        {
            Walk(children[i], visit);
        }
    }

    /// <summary>The first child with a name, by index (no enumerator allocation on hot paths), or null.</summary>
    public static ElementNode? FindChild(ElementNode node, string name)
    {
        var children = node.Children;
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i].Name == name)
            {
                return children[i];
            }
        }

        return null;
    }

    /// <summary>The identifier values of a participant resource.</summary>
    public static IReadOnlyList<string> IdentifierValues(ElementNode? resource) =>
        [.. (resource?.ChildrenNamed("identifier") ?? []).Select(i => i.ChildValue("value")).OfType<string>()];

    /// <summary>Reports every present element of <paramref name="names"/> as prohibited.</summary>
    public static void Prohibit(ValidationContext context, string code, ElementNode node, string location, params string[] names)
    {
        foreach (var name in names)
        {
            if (node.Child(name) is { } child)
            {
                context.Report(code, $"{location}.{name}", child, $"{name} is not allowed (0..0) by the ITK3 profile.");
            }
        }
    }

    /// <summary>Reports a missing required child; returns the child when present.</summary>
    public static ElementNode? Require(ValidationContext context, string code, ElementNode node, string location, string name)
    {
        var child = node.Child(name);
        if (child is null || (!child.HasValue && child.Children.Count == 0))
        {
            context.Report(code, $"{location}.{name}", node, $"{name} is required (1..1) by the ITK3 profile.");
            return null;
        }

        return child;
    }
}
