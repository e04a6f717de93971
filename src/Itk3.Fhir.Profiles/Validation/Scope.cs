using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Profiles.Validation;

/// <summary>Where a walk is: the profile whose rules apply, and the resource the element belongs to (<c>%resource</c>).</summary>
internal readonly record struct Scope(CompiledProfile Profile, ElementNode Resource);
