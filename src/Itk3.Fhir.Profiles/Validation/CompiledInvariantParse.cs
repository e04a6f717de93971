using Itk3.Fhir.Profiles.FhirPath;

namespace Itk3.Fhir.Profiles.Validation;

/// <summary>The parse of one FHIRPath text, shared by every invariant and discriminator that uses it.</summary>
internal sealed record CompiledInvariantParse(FhirPathNode? Expression, string? Error)
{
    /// <summary>Parses a text, keeping the error (a syntax error, or a function or variable not supported) instead of throwing.</summary>
    public static CompiledInvariantParse Create(string text)
    {
        try
        {
            var expression = FhirPathParser.Parse(text);
            return FhirPathSupport.FirstUnsupported(expression) is { } unsupported
                ? new CompiledInvariantParse(null, unsupported)
                : new CompiledInvariantParse(expression, null);
        }
        catch (FhirPathException e)
        {
            return new CompiledInvariantParse(null, e.Message);
        }
    }
}
