namespace Itk3.Fhir.Profiles.Definitions;

/// <summary>One allowed type of an element: the type code, an optional profile it must meet, and for references the target profile.</summary>
public sealed record TypeRef(string Code, string? Profile, string? TargetProfile);
