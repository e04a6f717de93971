using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Tests.Support;

/// <summary>Small immutable edits of element trees for building defective messages.</summary>
internal static class TreeEdit
{
    public static ElementNode With(ElementNode node, IEnumerable<ElementNode> children) =>
        new(node.Name, node.Value, [.. children], node.ResourceType, node.Position);

    public static ElementNode Without(ElementNode node, string name) => With(node, node.Children.Where(c => c.Name != name));

    public static ElementNode Set(ElementNode node, ElementNode child)
    {
        var replaced = false;
        var children = node.Children.Select(c =>
        {
            if (replaced || c.Name != child.Name)
            {
                return c;
            }

            replaced = true;
            return child;
        }).ToList();
        if (!replaced)
        {
            children.Add(child);
        }

        return With(node, children);
    }

    public static ElementNode Add(ElementNode node, ElementNode child) => With(node, [.. node.Children, child]);

    /// <summary>Maps the resource of entry <paramref name="index"/>.</summary>
    public static ElementNode MapEntry(ElementNode bundle, int index, Func<ElementNode, ElementNode> map)
    {
        var i = -1;
        return With(bundle, bundle.Children.Select(c =>
        {
            if (c.Name != "entry" || ++i != index)
            {
                return c;
            }

            return Set(c, map(c.Child("resource")!).WithName("resource"));
        }));
    }

    public static ElementNode MapHeader(ElementNode bundle, Func<ElementNode, ElementNode> map) => MapEntry(bundle, 0, map);

    public static ElementNode MapHandling(ElementNode bundle, Func<ElementNode, ElementNode> map) =>
        MapHeader(bundle, header => With(header, header.Children.Select(c => c.Name == "extension" && c.ChildValue("url") == ItkUrls.MessageHandling2 ? map(c) : c)));

    public static ElementNode MapKey(ElementNode bundle, string key, Func<ElementNode, ElementNode> map) =>
        MapHandling(bundle, handling => With(handling, handling.Children.Select(c => c.Name == "extension" && c.ChildValue("url") == key ? map(c) : c)));

    public static ElementNode RemoveKey(ElementNode bundle, string key) =>
        MapHandling(bundle, handling => With(handling, handling.Children.Where(c => c.ChildValue("url") != key)));

    public static ElementNode KeyValue(ElementNode bundle, string key, ElementNode value) =>
        MapKey(bundle, key, k => With(k, [k.Child("url")!, value]));
}
