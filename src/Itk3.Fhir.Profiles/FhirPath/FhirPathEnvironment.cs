using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Profiles.FhirPath;

/// <summary>What an evaluation sees besides its focus: <c>%resource</c>, and how <c>resolve()</c> finds a referenced resource.</summary>
public sealed record FhirPathEnvironment(ElementNode Resource, Func<string, ElementNode?>? Resolver = null);
