using System.Globalization;
using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Profiles.Definitions;

/// <summary>Reads a StructureDefinition resource (an element tree) into a <see cref="StructureDefinitionModel"/>.</summary>
public static class StructureDefinitionReader
{
    /// <summary>Reads the definition, or returns null when the node is not a StructureDefinition with a url and type.</summary>
    public static StructureDefinitionModel? Read(ElementNode resource, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var url = resource.ChildValue("url");
        var type = resource.ChildValue("type");
        if (resource.ResourceType != "StructureDefinition" || url is null || type is null)
        {
            return null;
        }

        return new StructureDefinitionModel
        {
            Url = url,
            Name = resource.ChildValue("name"),
            Type = type,
            Kind = resource.ChildValue("kind"),
            IsAbstract = resource.ChildValue("abstract") == "true",
            BaseDefinition = resource.ChildValue("baseDefinition"),
            Derivation = resource.ChildValue("derivation"),
            Snapshot = ReadElements(resource.Child("snapshot")),
            Differential = ReadElements(resource.Child("differential")),
            Source = source,
        };
    }

    private static ProfileElement[] ReadElements(ElementNode? container) =>
        container is null ? [] : [.. container.ChildrenNamed("element").Select(ReadElement).OfType<ProfileElement>()];

    private static ProfileElement? ReadElement(ElementNode element)
    {
        var path = element.ChildValue("path");
        if (path is null)
        {
            return null;
        }

        var sliceName = element.ChildValue("sliceName");
        return new ProfileElement
        {
            Id = element.ChildValue("id") ?? (sliceName is null ? path : $"{path}:{sliceName}"),
            Path = path,
            SliceName = sliceName,
            Min = ParseInt(element.ChildValue("min")),
            Max = element.ChildValue("max") is { } max ? (max == "*" ? -1 : ParseInt(max)) : null,
            Types = [.. element.ChildrenNamed("type").Select(ReadType).OfType<TypeRef>()],
            Fixed = FirstPrefixed(element, "fixed"),
            Pattern = FirstPrefixed(element, "pattern"),
            Binding = ReadBinding(element.Child("binding")),
            Constraints = [.. element.ChildrenNamed("constraint").Select(ReadConstraint)],
            Slicing = ReadSlicing(element.Child("slicing")),
            ContentReference = element.ChildValue("contentReference"),
        };
    }

    private static int? ParseInt(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static TypeRef? ReadType(ElementNode type) =>
        type.ChildValue("code") is { } code ? new TypeRef(code, type.ChildValue("profile"), type.ChildValue("targetProfile")) : null;

    private static ElementNode? FirstPrefixed(ElementNode element, string prefix)
    {
        foreach (var child in element.Children)
        {
            if (child.Name.Length > prefix.Length && child.Name.StartsWith(prefix, StringComparison.Ordinal) && char.IsUpper(child.Name[prefix.Length]))
            {
                return child;
            }
        }

        return null;
    }

    private static Binding? ReadBinding(ElementNode? binding)
    {
        if (binding?.ChildValue("strength") is not { } strength)
        {
            return null;
        }

        var valueSet = binding.ChildValue("valueSetUri") ?? binding.Child("valueSetReference")?.ChildValue("reference");
        return new Binding(strength, valueSet);
    }

    private static Constraint ReadConstraint(ElementNode constraint) => new(
        constraint.ChildValue("key") ?? "?",
        constraint.ChildValue("severity") ?? "error",
        constraint.ChildValue("human") ?? string.Empty,
        constraint.ChildValue("expression"));

    private static Slicing? ReadSlicing(ElementNode? slicing) => slicing is null ? null : new Slicing(
        [.. slicing.ChildrenNamed("discriminator").Select(d => new Discriminator(d.ChildValue("type") ?? "value", d.ChildValue("path") ?? "$this"))],
        slicing.ChildValue("ordered") == "true",
        slicing.ChildValue("rules") ?? "open");
}
