namespace Itk3.Fhir.Profiles.Definitions;

/// <summary>One slicing discriminator: its type (<c>value</c>, <c>pattern</c>, <c>type</c>, <c>profile</c>, <c>exists</c>) and FHIRPath.</summary>
public sealed record Discriminator(string Type, string Path);
