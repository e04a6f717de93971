using System.Runtime.CompilerServices;
using Itk3.Fhir.Schema;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>
/// Resolves (parent type, element name) to the element match and the child's type, keyed by reference: the reader's
/// names are atomised by its name table, and the trees it builds share those instances, so each distinct name is
/// hashed once. Names that are not shared instances (trees built elsewhere) still resolve, through the schema; the
/// cache stops growing at <see cref="Capacity"/> entries so such trees cannot inflate it.
/// </summary>
internal sealed class ElementMatchCache(IFhirSchema schema)
{
    private const int Capacity = 4096;
    private readonly Dictionary<Key, Resolved> _resolved = [];

    /// <summary>Finds the element named <paramref name="name"/> in <paramref name="type"/>; false when the type does not define it.</summary>
    public bool TryFind(FhirTypeDefinition type, string name, out Resolved resolved)
    {
        var key = new Key(type, name);
        if (_resolved.TryGetValue(key, out resolved))
        {
            return true;
        }

        if (!type.TryFindElement(name, out var match))
        {
            return false;
        }

        resolved = new Resolved(match, match.Definition.HoldsResource ? null : schema.FindType(match.TypeName));
        if (_resolved.Count < Capacity)
        {
            _resolved.Add(key, resolved);
        }

        return true;
    }

    /// <summary>An element match with the child's type (null for resource containers and unknown types).</summary>
    public readonly record struct Resolved(ElementMatch Match, FhirTypeDefinition? Type);

    private readonly struct Key(FhirTypeDefinition type, string name) : IEquatable<Key>
    {
        private readonly FhirTypeDefinition _type = type;
        private readonly string _name = name;

        public bool Equals(Key other) => ReferenceEquals(_type, other._type) && ReferenceEquals(_name, other._name);

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(_type), RuntimeHelpers.GetHashCode(_name));
    }
}
