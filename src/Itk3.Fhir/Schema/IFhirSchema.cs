namespace Itk3.Fhir.Schema;

/// <summary>Answers structural questions about a FHIR version's types; generated from the official definitions.</summary>
public interface IFhirSchema
{
    /// <summary>The FHIR version the schema describes, e.g. <c>3.0.1</c>.</summary>
    string FhirVersion { get; }

    /// <summary>All types, in the order they were generated.</summary>
    IReadOnlyCollection<FhirTypeDefinition> Types { get; }

    /// <summary>A type by name (<c>Patient</c>, <c>Coding</c>, <c>string</c>, <c>Bundle.entry</c>), or null.</summary>
    FhirTypeDefinition? FindType(string name);

    /// <summary>A concrete (non-abstract) resource type by name, or null.</summary>
    FhirTypeDefinition? FindResourceType(string name);

    /// <summary>The lexical rules of the primitives from the official XSD, by primitive name.</summary>
    IReadOnlyDictionary<string, PrimitiveLexicalRule> LexicalRules { get; }

    /// <summary>The narrative content model (the XHTML elements a div may hold), by element name.</summary>
    IReadOnlyDictionary<string, NarrativeElementRule> NarrativeElements { get; }
}
