namespace Itk3.Fhir.Profiles.Terminology;

/// <summary>One <c>compose.include</c> or <c>exclude</c>: a system (whole, listed concepts or filtered) and imported value sets.</summary>
public sealed record ConceptSet(
    string? System,
    IReadOnlyList<string> Concepts,
    IReadOnlyList<ConceptFilter> Filters,
    IReadOnlyList<string> ValueSets);
