using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Schema;

namespace Itk3.Fhir.Serialization.Writing;

/// <summary>The children of a node that share one wire name, with the definition and concrete type they resolve to.</summary>
internal sealed record ElementGroup(string WireName, FhirElementDefinition Definition, string TypeName, IReadOnlyList<ElementNode> Nodes);
