using System.Runtime.CompilerServices;
using Itk3.Fhir.Schema;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// Resolves wire names in types once per read or write: answers are kept per (type, name string instance), found again
/// by reference hashing, which costs far less than hashing the name's characters. Readers and writers see few
/// distinct name instances (names come from caches or literals), so the memo stays small.
/// </summary>
internal sealed class JsonElementResolver(IFhirSchema schema)
{
    private readonly Dictionary<(FhirTypeDefinition Owner, string Name), ResolvedElement> _resolved = new(ReferencePairComparer.Instance);
    private readonly Dictionary<(FhirTypeDefinition Owner, string Name), JsonMember?> _members = new(ReferencePairComparer.Instance);

    /// <summary>The number of answers held.</summary>
    public int Count => _resolved.Count;

    /// <summary>The element <paramref name="wireName"/> resolves to in <paramref name="owner"/>.</summary>
    public ResolvedElement Resolve(FhirTypeDefinition owner, string wireName)
    {
        if (_resolved.TryGetValue((owner, wireName), out var known))
        {
            return known;
        }

        var found = owner.TryFindElement(wireName, out var match);
        var elementType = found && !match.Definition.HoldsResource ? schema.FindType(match.TypeName) : null;
        var resolved = new ResolvedElement(found, match, elementType);
        _resolved[(owner, wireName)] = resolved;
        return resolved;
    }

    /// <summary>The member <paramref name="wireName"/> names in <paramref name="owner"/> for a reader, or null when it names no element.</summary>
    public JsonMember? Member(FhirTypeDefinition owner, string wireName)
    {
        if (_members.TryGetValue((owner, wireName), out var known))
        {
            return known;
        }

        var (found, match, elementType) = Resolve(owner, wireName);
        var member = found ? new JsonMember(wireName, match, elementType) : null;
        _members[(owner, wireName)] = member;
        return member;
    }

    private sealed class ReferencePairComparer : IEqualityComparer<(FhirTypeDefinition Owner, string Name)>
    {
        public static ReferencePairComparer Instance { get; } = new();

        public bool Equals((FhirTypeDefinition Owner, string Name) x, (FhirTypeDefinition Owner, string Name) y) =>
            ReferenceEquals(x.Owner, y.Owner) && ReferenceEquals(x.Name, y.Name);

        public int GetHashCode((FhirTypeDefinition Owner, string Name) obj) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Owner), RuntimeHelpers.GetHashCode(obj.Name));
    }
}

/// <summary>
/// What a wire name means in a type: whether it is defined, its definition and concrete type name, and the concrete
/// type (null for elements that hold resources).
/// </summary>
internal readonly record struct ResolvedElement(bool Found, ElementMatch Match, FhirTypeDefinition? ElementType);
