namespace Itk3.Fhir.Profiles.Validation;

/// <summary>
/// Finds the element definition a discriminator path names inside a slice: through the slice's children, then into
/// the type's profile or core definition, <c>extension('url')</c> slices, and <c>resolve()</c> target profiles.
/// </summary>
internal static class SliceDefinitionResolver
{
    /// <summary>The definition at the path, or null when it cannot be found.</summary>
    public static CompiledElement? Find(ProfileValidator validator, CompiledElement slice, string path)
    {
        CompiledElement? current = slice;
        foreach (var segment in Split(path))
        {
            if (current is null)
            {
                return null;
            }

            current = segment switch
            {
                "$this" => current,
                "resolve()" => Resolve(validator, current),
                _ when segment.StartsWith("ofType(", StringComparison.Ordinal) => current,
                _ when segment.StartsWith("extension(", StringComparison.Ordinal) => Extension(validator, current, segment[10..^1].Trim('\'', '"')),
                _ => Children(validator, current).FirstOrDefault(c => c.BaseName == segment || c.Definition.Name == segment),
            };
        }

        return current;
    }

    private static CompiledElement? Resolve(ProfileValidator validator, CompiledElement current)
    {
        var url = current.Definition.Types.Select(t => t.TargetProfile).OfType<string>().FirstOrDefault();
        return url is null ? null : validator.GetProfile(url, out _)?.Root;
    }

    private static CompiledElement? Extension(ProfileValidator validator, CompiledElement current, string url)
    {
        var extensions = Children(validator, current).FirstOrDefault(c => c.BaseName == "extension");
        var slice = extensions?.Slices.FirstOrDefault(s => s.Definition.Types.Any(t => t.Profile == url));
        return slice ?? validator.GetProfile(url, out _)?.Root;
    }

    /// <summary>The children of an element: its own, else those of its type's profile, else those of its core type.</summary>
    internal static IReadOnlyList<CompiledElement> Children(ProfileValidator validator, CompiledElement element)
    {
        if (element.Children.Count > 0)
        {
            return element.Children;
        }

        var type = element.Definition.Types.Count == 1 ? element.Definition.Types[0] : null;
        if (type?.Profile is { } profileUrl && validator.GetProfile(profileUrl, out _) is { } profile)
        {
            return profile.Root.Children;
        }

        return type is null ? [] : validator.GetCoreType(type.Code)?.Root.Children ?? [];
    }

    private static List<string> Split(string path)
    {
        var segments = new List<string>();
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            quoted ^= c == '\'';
            depth += quoted ? 0 : c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == '.' && depth == 0 && !quoted)
            {
                segments.Add(path[start..i]);
                start = i + 1;
            }
        }

        segments.Add(path[start..]);
        return segments;
    }
}
