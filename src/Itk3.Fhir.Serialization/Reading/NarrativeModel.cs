using System.Collections.Frozen;
using Itk3.Fhir.Schema;

namespace Itk3.Fhir.Serialization.Reading;

/// <summary>
/// The narrative content model of the generated schema (<see cref="IFhirSchema.NarrativeElements"/>: fhir-xhtml.xsd
/// less what the narrative rules forbid), indexed for lookups by span: elements by number, so that the allocation-free
/// checker can keep a stack of them, and each element's attributes and children.
/// </summary>
internal static class NarrativeModel
{
    private static readonly Entry[] Entries = Build(Stu3Schema.Instance);
    private static readonly FrozenDictionary<string, int> Numbers =
        Entries.Select((entry, index) => (entry.Name, index)).ToFrozenDictionary(pair => pair.Name, pair => pair.index, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> NumbersBySpan =
        Numbers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The number of the root <c>div</c>.</summary>
    public static int Div { get; } = Numbers["div"];

    /// <summary>The number of an element of the model, or -1 when the model does not allow it anywhere.</summary>
    public static int Find(ReadOnlySpan<char> name) => NumbersBySpan.TryGetValue(name, out var number) ? number : -1;

    /// <summary>True when <paramref name="child"/> may appear inside <paramref name="parent"/>.</summary>
    public static bool AllowsChild(int parent, ReadOnlySpan<char> child) => Entries[parent].Children.Contains(child);

    /// <summary>True when the element numbered <paramref name="child"/> may appear inside <paramref name="parent"/>.</summary>
    public static bool AllowsChild(int parent, int child) => Entries[parent].ChildNumbers[child];

    /// <summary>True when the attribute (<c>xml:lang</c> for the XML namespace) is allowed on the element.</summary>
    public static bool AllowsAttribute(int element, ReadOnlySpan<char> attribute) => Entries[element].Attributes.Contains(attribute);

    /// <summary>True when the element may hold text; false when only whitespace may separate its children.</summary>
    public static bool AllowsText(int element) => Entries[element].AllowsText;

    /// <summary>The element's name.</summary>
    public static string NameOf(int element) => Entries[element].Name;

    private static Entry[] Build(IFhirSchema schema)
    {
        var rules = schema.NarrativeElements.Values.OrderBy(rule => rule.Name, StringComparer.Ordinal).ToArray();
        var names = rules.Select(rule => rule.Name).ToList();
        return rules.Select(rule => new Entry(
                rule.Name,
                rule.AllowsText,
                rule.Attributes.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>(),
                rule.Children.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>(),
                names.Select(rule.Children.Contains).ToArray()))
            .ToArray();
    }

    private sealed record Entry(
        string Name,
        bool AllowsText,
        FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Attributes,
        FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Children,
        bool[] ChildNumbers);
}
