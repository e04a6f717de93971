using Itk3.Fhir.Profiles.Definitions;

namespace Itk3.Fhir.Profiles.Validation;

/// <summary>A StructureDefinition compiled once into a tree of elements, ready to validate many instances.</summary>
internal sealed class CompiledProfile
{
    /// <summary>Creates a compiled profile.</summary>
    public CompiledProfile(StructureDefinitionModel definition, CompiledElement root, IReadOnlyDictionary<string, CompiledElement> byId)
    {
        Definition = definition;
        Root = root;
        ById = byId;
    }

    /// <summary>The source definition.</summary>
    public StructureDefinitionModel Definition { get; }

    /// <summary>The canonical URL.</summary>
    public string Url => Definition.Url;

    /// <summary>The root element (e.g. <c>Composition</c>).</summary>
    public CompiledElement Root { get; }

    /// <summary>Elements by id, for content references.</summary>
    public IReadOnlyDictionary<string, CompiledElement> ById { get; }
}
