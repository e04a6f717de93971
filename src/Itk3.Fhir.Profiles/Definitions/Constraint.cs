namespace Itk3.Fhir.Profiles.Definitions;

/// <summary>An invariant: its key, severity (<c>error</c> or <c>warning</c>), human text and FHIRPath expression.</summary>
public sealed record Constraint(string Key, string Severity, string Human, string? Expression);
