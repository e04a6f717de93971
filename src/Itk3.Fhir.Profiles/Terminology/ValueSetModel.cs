namespace Itk3.Fhir.Profiles.Terminology;

/// <summary>A value set: its URL, its compose includes and excludes, and the codes of a stated expansion (or null).</summary>
public sealed record ValueSetModel(
    string Url,
    IReadOnlyList<ConceptSet> Includes,
    IReadOnlyList<ConceptSet> Excludes,
    IReadOnlyList<(string? System, string Code)>? Expansion);
