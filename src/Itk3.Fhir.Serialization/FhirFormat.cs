namespace Itk3.Fhir.Serialization;

/// <summary>The two FHIR wire formats.</summary>
public enum FhirFormat
{
    /// <summary>FHIR JSON.</summary>
    Json,

    /// <summary>FHIR XML.</summary>
    Xml,
}
