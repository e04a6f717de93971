using System.Collections.Concurrent;
using Itk3.Fhir.Profiles.Definitions;

namespace Itk3.Fhir.Profiles.Validation;

/// <summary>Builds the element tree of a snapshot (children by id, slices under their sliced element) and parses invariants once.</summary>
internal static class ProfileCompiler
{
    /// <summary>
    /// Invariants published with a known defect, read as intended: STU3 3.0.1's ele-1 joins its two conditions with
    /// the union operator <c>|</c> (a collection of two booleans) where <c>or</c> was meant; every STU3 snapshot copies it.
    /// </summary>
    private static readonly Dictionary<string, string> KnownDefects = new(StringComparer.Ordinal)
    {
        ["hasValue() | (children().count() > id.count())"] = "hasValue() or (children().count() > id.count())",
    };

    /// <summary>Compiles a definition that has a snapshot; expressions are parsed through a shared cache.</summary>
    public static CompiledProfile? Compile(StructureDefinitionModel definition, ConcurrentDictionary<string, CompiledInvariantParse> expressions)
    {
        if (definition.Snapshot.Count == 0)
        {
            return null;
        }

        var byId = new Dictionary<string, CompiledElement>(StringComparer.Ordinal);
        CompiledElement? root = null;
        foreach (var element in definition.Snapshot)
        {
            var invariants = element.Constraints.Select(c => Parse(c, expressions)).ToList();
            var compiled = new CompiledElement(element, invariants);
            byId.TryAdd(element.Id, compiled);
            if (root is null)
            {
                root = compiled;
                continue;
            }

            Attach(compiled, byId);
        }

        return root is null ? null : new CompiledProfile(definition, root, byId);
    }

    private static void Attach(CompiledElement element, Dictionary<string, CompiledElement> byId)
    {
        var id = element.Definition.Id;
        var dot = LastSeparator(id, '.');
        var colon = LastSeparator(id, ':');
        if (colon > dot && byId.TryGetValue(id[..colon], out var sliced))
        {
            sliced.Slices.Add(element);
        }
        else if (dot > 0 && byId.TryGetValue(id[..dot], out var parent))
        {
            parent.Children.Add(element);
        }
    }

    /// <summary>The last separator outside a slice name's own text (slice names hold no dots in practice; re-slices use '/').</summary>
    private static int LastSeparator(string id, char separator) => id.LastIndexOf(separator);

    private static CompiledInvariant Parse(Constraint constraint, ConcurrentDictionary<string, CompiledInvariantParse> expressions)
    {
        if (constraint.Expression is null)
        {
            return new CompiledInvariant(constraint, null, "the invariant has no FHIRPath expression");
        }

        var text = KnownDefects.GetValueOrDefault(constraint.Expression, constraint.Expression);
        var parsed = expressions.GetOrAdd(text, CompiledInvariantParse.Create);
        return new CompiledInvariant(constraint, parsed.Expression, parsed.Error) { Native = parsed.Expression is null ? null : NativeInvariants.For(text) };
    }
}
