namespace Itk3.Fhir.Profiles.Definitions;

/// <summary>A terminology binding: its strength (<c>required</c>, <c>extensible</c>, <c>preferred</c>, <c>example</c>) and value set URL.</summary>
public sealed record Binding(string Strength, string? ValueSet);
