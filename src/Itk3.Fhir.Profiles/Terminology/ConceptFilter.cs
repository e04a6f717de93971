namespace Itk3.Fhir.Profiles.Terminology;

/// <summary>A value set filter: property, operator and value (e.g. <c>concept is-a 123</c>).</summary>
public sealed record ConceptFilter(string Property, string Op, string Value);
