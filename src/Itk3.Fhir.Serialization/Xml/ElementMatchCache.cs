using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Itk3.Fhir.Primitives;
using Itk3.Fhir.Schema;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>
/// Resolves (parent type, element name) to the element match and the child's type, keyed by reference in an
/// open-addressing table: the reader's names are atomised by its name table, and the trees it builds share those
/// instances, so each distinct name is resolved once. Names that are not shared instances (trees built elsewhere)
/// still resolve, through the schema; the table stops growing at <see cref="Capacity"/> entries so such trees cannot
/// inflate it.
/// </summary>
internal sealed class ElementMatchCache(IFhirSchema schema)
{
    private const int Capacity = 4096;

    private Entry[] _entries = new Entry[256];

    /// <summary>The number of cached pairs.</summary>
    public int Count { get; private set; }

    /// <summary>The schema the matches come from.</summary>
    public IFhirSchema Schema => schema;

    /// <summary>Finds the element named <paramref name="name"/> in <paramref name="type"/>; false when the type does not define it.</summary>
    public bool TryFind(FhirTypeDefinition type, string name, [NotNullWhen(true)] out Resolved? resolved)
    {
        resolved = Find(type, name);
        return resolved is not null;
    }

    /// <summary>The element named <paramref name="name"/> in <paramref name="type"/>, or null when the type does not define it.</summary>
    public Resolved? Find(FhirTypeDefinition type, string name)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        var index = Hash(type, name) & mask;
        while (entries[index].Name is { } cached)
        {
            if (ReferenceEquals(cached, name) && ReferenceEquals(entries[index].Type, type))
            {
                return entries[index].Resolved;
            }

            index = (index + 1) & mask;
        }

        return Resolve(type, name);
    }

    private Resolved? Resolve(FhirTypeDefinition type, string name)
    {
        if (!type.TryFindElement(name, out var match))
        {
            return null;
        }

        var resolved = new Resolved(match, match.Definition.HoldsResource ? null : schema.FindType(match.TypeName));
        if (Count < Capacity)
        {
            Insert(new Entry(type, name, resolved));
        }

        return resolved;
    }

    private void Insert(Entry entry)
    {
        if ((Count + 1) * 2 > _entries.Length)
        {
            var old = _entries;
            _entries = new Entry[old.Length * 2];
            foreach (var kept in old)
            {
                if (kept.Name is not null)
                {
                    Place(kept);
                }
            }
        }

        Place(entry);
        Count++;
    }

    private void Place(Entry entry)
    {
        var mask = _entries.Length - 1;
        var index = Hash(entry.Type, entry.Name) & mask;
        while (_entries[index].Name is not null)
        {
            index = (index + 1) & mask;
        }

        _entries[index] = entry;
    }

    // Identity hash codes are pseudo-random per object; the multiplier spreads the type's over the name's.
    private static int Hash(FhirTypeDefinition type, string name) =>
        RuntimeHelpers.GetHashCode(name) ^ (RuntimeHelpers.GetHashCode(type) * -1640531535);

    /// <summary>
    /// An element match with the child's type (null for resource containers and unknown types). A class, so that the
    /// cache hands out one reference rather than copying three through write barriers.
    /// </summary>
    public sealed record Resolved(ElementMatch Match, FhirTypeDefinition? Type)
    {
        /// <summary>The element's definition.</summary>
        public FhirElementDefinition Definition { get; } = Match.Definition;

        /// <summary>The check of a primitive type's lexical form (null: any text, or not a primitive).</summary>
        public LexicalCheck? Lexical { get; } = Type is { IsPrimitive: true } ? PrimitiveLexicon.CheckFor(Type.Name) : null;
    }

    private readonly record struct Entry(FhirTypeDefinition Type, string Name, Resolved Resolved);
}
