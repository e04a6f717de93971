using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Profiles.Validation;

/// <summary>Resolves references to the resources of a Bundle by <c>fullUrl</c> and by <c>Type/id</c>.</summary>
internal sealed class BundleIndex
{
    private readonly Dictionary<string, ElementNode> _byUrl = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ElementNode> _byTypeAndId = new(StringComparer.Ordinal);

    /// <summary>Indexes the entries of a Bundle (nothing for another resource).</summary>
    public BundleIndex(ElementNode root)
    {
        if (root.ResourceType != "Bundle")
        {
            return;
        }

        foreach (var entry in root.ChildrenNamed("entry"))
        {
            if (entry.Child("resource") is not { } resource)
            {
                continue;
            }

            if (entry.ChildValue("fullUrl") is { } fullUrl)
            {
                _byUrl.TryAdd(fullUrl, resource);
            }

            if (resource.ChildValue("id") is { } id)
            {
                _byTypeAndId.TryAdd(resource.ResourceType + "/" + id, resource);
            }
        }
    }

    /// <summary>The resource a reference points to inside the Bundle, or null.</summary>
    public ElementNode? Resolve(string reference)
    {
        if (_byUrl.TryGetValue(reference, out var resource))
        {
            return resource;
        }

        var parts = reference.Split('/');
        return parts.Length >= 2 && _byTypeAndId.TryGetValue(parts[^2] + "/" + parts[^1], out resource) ? resource : null;
    }
}
