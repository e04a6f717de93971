namespace Itk3.Fhir.Schema;

/// <summary>The definition a wire name resolves to, with the concrete type it implies.</summary>
public readonly record struct ElementMatch(FhirElementDefinition Definition, string TypeName);
