namespace Itk3.Fhir.ElementModel;

/// <summary>Compares element trees by content (names, values, resource types, child order), ignoring positions.</summary>
public static class ElementTreeComparer
{
    /// <summary>True when both trees hold the same content.</summary>
    public static bool AreEqual(ElementNode left, ElementNode right) => FindDifference(left, right) is null;

    /// <summary>The path of the first difference between two trees, or null when they are equal.</summary>
    public static string? FindDifference(ElementNode left, ElementNode right, string path = "")
    {
        var here = path.Length == 0 ? left.Name : path;
        if (left.Name != right.Name)
        {
            return $"{here}: name '{left.Name}' vs '{right.Name}'";
        }

        if (left.Value != right.Value)
        {
            return $"{here}: value differs";
        }

        if (left.ResourceType != right.ResourceType)
        {
            return $"{here}: resource type '{left.ResourceType}' vs '{right.ResourceType}'";
        }

        if (left.Children.Count != right.Children.Count)
        {
            return $"{here}: {left.Children.Count} children vs {right.Children.Count}";
        }

        for (var i = 0; i < left.Children.Count; i++)
        {
            var difference = FindDifference(left.Children[i], right.Children[i], $"{here}.{left.Children[i].Name}[{i}]");
            if (difference is not null)
            {
                return difference;
            }
        }

        return null;
    }
}
