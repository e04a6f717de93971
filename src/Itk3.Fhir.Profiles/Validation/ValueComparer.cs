using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Profiles.Validation;

/// <summary>Compares instance elements with fixed values (exactly) and patterns (the instance holds at least the pattern).</summary>
internal static class ValueComparer
{
    /// <summary>
    /// True when the instance equals the fixed value: the same primitive value and, per child name the fixed value
    /// uses, the same children in order; other children than <c>id</c> and <c>extension</c> are not allowed.
    /// </summary>
    public static bool EqualsFixed(ElementNode instance, ElementNode fixedValue)
    {
        if (instance.Value != fixedValue.Value)
        {
            return false;
        }

        foreach (var group in fixedValue.Children.GroupBy(c => c.Name))
        {
            var actual = instance.ChildrenNamed(group.Key).ToList();
            if (actual.Count != group.Count() || !actual.Zip(group).All(pair => EqualsFixed(pair.First, pair.Second)))
            {
                return false;
            }
        }

        return instance.Children.All(c => c.Name is "id" or "extension" || fixedValue.Child(c.Name) is not null);
    }

    /// <summary>True when the instance holds the pattern: the pattern's value, and for each pattern child a matching instance child.</summary>
    public static bool MatchesPattern(ElementNode instance, ElementNode pattern)
    {
        if (pattern.Value is not null && instance.Value != pattern.Value)
        {
            return false;
        }

        foreach (var child in pattern.Children)
        {
            if (child.Name == "id")
            {
                continue;
            }

            if (!instance.ChildrenNamed(child.Name).Any(candidate => MatchesPattern(candidate, child)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A short text of a fixed or pattern value for messages (no instance data).</summary>
    public static string Describe(ElementNode value) => value.Value ?? string.Join(
        ", ",
        value.Children.Select(c => c.Value is null ? c.Name + "{" + Describe(c) + "}" : $"{c.Name}={c.Value}"));
}
