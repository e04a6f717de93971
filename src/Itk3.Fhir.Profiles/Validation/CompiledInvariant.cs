using Itk3.Fhir.Profiles.Definitions;
using Itk3.Fhir.Profiles.FhirPath;

namespace Itk3.Fhir.Profiles.Validation;

/// <summary>An invariant with its parsed expression, or the reason it could not be parsed.</summary>
internal sealed record CompiledInvariant(Constraint Constraint, FhirPathNode? Expression, string? ParseError);
