namespace Itk3.Fhir.Schema;

/// <summary>What kind of FHIR type a definition describes.</summary>
public enum FhirTypeKind
{
    /// <summary>A primitive datatype (string, decimal, xhtml...).</summary>
    Primitive,

    /// <summary>A complex datatype (Coding, HumanName...).</summary>
    Complex,

    /// <summary>A resource (Patient, Bundle...), including the abstract Resource and DomainResource.</summary>
    Resource,

    /// <summary>A backbone element defined inline in a resource or datatype, named by its path (e.g. <c>Bundle.entry</c>).</summary>
    Backbone,
}
