using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Schema;

namespace Itk3.Fhir.Serialization.Writing;

/// <summary>Groups a node's children by wire name in definition order, so that writers emit repeats together and in order.</summary>
internal static class ChildGrouper
{
    /// <summary>The groups in definition order; throws <see cref="ArgumentException"/> for a child the type does not define.</summary>
    public static List<ElementGroup> Group(ElementNode node, FhirTypeDefinition type, string location)
    {
        var groups = new List<ElementGroup>();
        foreach (var child in node.Children)
        {
            var existing = groups.Find(group => group.WireName == child.Name);
            if (existing is not null)
            {
                ((List<ElementNode>)existing.Nodes).Add(child);
                continue;
            }

            if (!type.TryFindElement(child.Name, out var match))
            {
                throw new ArgumentException($"{location}: '{child.Name}' is not an element of {type.Name}.", nameof(node));
            }

            groups.Add(new ElementGroup(child.Name, match.Definition, match.TypeName, new List<ElementNode> { child }));
        }

        groups.Sort((left, right) => left.Definition.Order.CompareTo(right.Definition.Order));
        return groups;
    }
}
