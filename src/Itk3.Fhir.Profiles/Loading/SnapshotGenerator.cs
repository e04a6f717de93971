using Itk3.Fhir.Profiles.Definitions;

namespace Itk3.Fhir.Profiles.Loading;

/// <summary>
/// Generates a snapshot from a base snapshot and a differential: constrains existing elements, adds slices (a copy of
/// the sliced element and its children) and expands datatypes when a differential reaches into one. What it cannot
/// place makes the profile unusable (never silently dropped).
/// </summary>
internal static class SnapshotGenerator
{
    /// <summary>The snapshot, or null with <paramref name="failure"/> naming the differential element it could not place.</summary>
    public static IReadOnlyList<ProfileElement>? Generate(
        StructureDefinitionModel baseModel,
        IReadOnlyList<ProfileElement> differential,
        Func<string, StructureDefinitionModel?> coreType,
        out string? failure)
    {
        var elements = baseModel.Snapshot.ToList();
        failure = null;
        foreach (var diff in differential)
        {
            var index = elements.FindIndex(e => e.Id == diff.Id);
            if (index < 0)
            {
                index = diff.SliceName is not null ? AddSlice(elements, diff) : ExpandParent(elements, diff, coreType);
            }

            if (index < 0)
            {
                failure = $"differential element {diff.Id} matches nothing in the base";
                return null;
            }

            elements[index] = Merge(elements[index], diff);
        }

        return elements;
    }

    private static ProfileElement Merge(ProfileElement target, ProfileElement diff) => target with
    {
        Min = diff.Min ?? target.Min,
        Max = diff.Max ?? target.Max,
        Types = diff.Types.Count > 0 ? diff.Types : target.Types,
        Fixed = diff.Fixed ?? target.Fixed,
        Pattern = diff.Pattern ?? target.Pattern,
        Binding = diff.Binding ?? target.Binding,
        Constraints = [.. target.Constraints, .. diff.Constraints.Where(c => target.Constraints.All(t => t.Key != c.Key))],
        Slicing = diff.Slicing ?? target.Slicing,
    };

    private static int AddSlice(List<ProfileElement> elements, ProfileElement diff)
    {
        var slicedId = diff.Id[..diff.Id.LastIndexOf(':')];
        var slicedIndex = elements.FindIndex(e => e.Id == slicedId);
        if (slicedIndex < 0)
        {
            return -1;
        }

        var end = EndOfSubtree(elements, slicedIndex);
        var copies = new List<ProfileElement> { elements[slicedIndex] with { Id = diff.Id, SliceName = diff.SliceName, Slicing = null } };
        for (var i = slicedIndex + 1; i < end; i++)
        {
            if (!elements[i].Id.Contains(':', StringComparison.Ordinal) || elements[i].Id.StartsWith(slicedId + ".", StringComparison.Ordinal))
            {
                copies.Add(elements[i] with { Id = diff.Id + elements[i].Id[slicedId.Length..] });
            }
        }

        elements.InsertRange(end, copies);
        return end;
    }

    private static int ExpandParent(List<ProfileElement> elements, ProfileElement diff, Func<string, StructureDefinitionModel?> coreType)
    {
        var dot = diff.Id.LastIndexOf('.');
        var parentIndex = dot < 0 ? -1 : elements.FindIndex(e => e.Id == diff.Id[..dot]);
        if (parentIndex < 0 || EndOfSubtree(elements, parentIndex) != parentIndex + 1 || elements[parentIndex].Types.Count != 1)
        {
            return -1;
        }

        var parent = elements[parentIndex];
        var type = coreType(parent.Types[0].Code);
        if (type is null || type.Snapshot.Count < 2)
        {
            return -1;
        }

        var children = type.Snapshot.Skip(1).Select(e => e with
        {
            Id = parent.Id + e.Id[type.Type.Length..],
            Path = parent.Path + e.Path[type.Type.Length..],
        });
        elements.InsertRange(parentIndex + 1, children);
        return elements.FindIndex(e => e.Id == diff.Id);
    }

    private static int EndOfSubtree(List<ProfileElement> elements, int index)
    {
        var prefixDot = elements[index].Id + ".";
        var prefixSlice = elements[index].Id + ":";
        var end = index + 1;
        while (end < elements.Count && (elements[end].Id.StartsWith(prefixDot, StringComparison.Ordinal) || elements[end].Id.StartsWith(prefixSlice, StringComparison.Ordinal)))
        {
            end++;
        }

        return end;
    }
}
