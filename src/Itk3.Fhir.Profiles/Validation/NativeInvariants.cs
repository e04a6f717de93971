using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Profiles.Validation;

/// <summary>
/// Invariants that every element of every STU3 snapshot carries, evaluated by equivalent code instead of the FHIRPath
/// interpreter (they run on each element occurrence). Each gives exactly the result the interpreter gives;
/// <c>NativeInvariantTests</c> compares both on the test fixtures.
/// </summary>
internal static class NativeInvariants
{
    private static readonly Dictionary<string, Func<ElementNode, bool>> ByExpression = new(StringComparer.Ordinal)
    {
        // ele-1 (as read, see ProfileCompiler.KnownDefects): an element has a value or a child other than id.
        ["hasValue() or (children().count() > id.count())"] = HasValueOrChildren,

        // ext-1: an extension has either extensions or a value[x], not both.
        ["extension.exists() != value.exists()"] = node => Exists(node, "extension") != Exists(node, "value"),
    };

    /// <summary>The native evaluation of an expression, or null when it has none.</summary>
    public static Func<ElementNode, bool>? For(string expression) => ByExpression.GetValueOrDefault(expression);

    private static bool HasValueOrChildren(ElementNode node) => node.HasValue || node.Children.Count > Count(node, "id");

    private static bool Exists(ElementNode node, string name) => Count(node, name) > 0;

    /// <summary>How many children member access <c>name</c> selects: those named so, else (none so named) the typed names (<c>valueString</c>).</summary>
    private static int Count(ElementNode node, string name)
    {
        var count = 0;
        foreach (var child in node.Children)
        {
            count += child.Name == name ? 1 : 0;
        }

        if (count > 0)
        {
            return count;
        }

        foreach (var child in node.Children)
        {
            count += ChoiceNames.IsTypedName(child.Name, name) ? 1 : 0;
        }

        return count;
    }
}
