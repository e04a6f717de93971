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
    private readonly Dictionary<(FhirTypeDefinition Owner, string Name), JsonMember?> _members = new(ReferencePairComparer.Instance);

    /// <summary>The number of answers held.</summary>
    public int Count => _members.Count;

    /// <summary>The member <paramref name="wireName"/> names in <paramref name="owner"/>, or null when it names no element.</summary>
    public JsonMember? Member(FhirTypeDefinition owner, string wireName)
    {
        if (_members.TryGetValue((owner, wireName), out var known))
        {
            return known;
        }

        JsonMember? member = null;
        if (owner.TryFindElement(wireName, out var match))
        {
            member = new JsonMember(wireName, match, match.Definition.HoldsResource ? null : schema.FindType(match.TypeName));
        }

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
