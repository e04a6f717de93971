namespace Itk3.Fhir.Profiles.FhirPath;

/// <summary>A FHIRPath expression cannot be parsed, or uses something this evaluator does not support.</summary>
public sealed class FhirPathException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FhirPathException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public FhirPathException()
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public FhirPathException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
