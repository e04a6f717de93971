using Itk3.Fhir.Profiles.FhirPath;

namespace Itk3.Fhir.Profiles.Validation;

/// <summary>The parse of one FHIRPath text, shared by every invariant and discriminator that uses it.</summary>
internal sealed record CompiledInvariantParse(FhirPathNode? Expression, string? Error)
{
    /// <summary>Parses a text, keeping the error instead of throwing.</summary>
    public static CompiledInvariantParse Create(string text)
    {
        try
        {
            return new CompiledInvariantParse(FhirPathParser.Parse(text), null);
        }
        catch (FhirPathException e)
        {
            return new CompiledInvariantParse(null, e.Message);
        }
    }
}
