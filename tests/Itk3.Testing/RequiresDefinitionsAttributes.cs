using Xunit;

namespace Itk3.Testing;

/// <summary>A fact that needs the official FHIR definitions: skipped with the reason when they cannot be had (see <see cref="FhirDefinitions"/>).</summary>
public sealed class RequiresDefinitionsFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the definitions are unavailable and not required.</summary>
    public RequiresDefinitionsFactAttribute()
    {
        if (!FhirDefinitions.AreRequired && !FhirDefinitions.IsAvailable)
        {
            Skip = "FHIR STU3 definitions unavailable: " + FhirDefinitions.Reason;
        }
    }
}

/// <summary>A theory that needs the official FHIR definitions: skipped with the reason when they cannot be had.</summary>
public sealed class RequiresDefinitionsTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the definitions are unavailable and not required.</summary>
    public RequiresDefinitionsTheoryAttribute()
    {
        if (!FhirDefinitions.AreRequired && !FhirDefinitions.IsAvailable)
        {
            Skip = "FHIR STU3 definitions unavailable: " + FhirDefinitions.Reason;
        }
    }
}
