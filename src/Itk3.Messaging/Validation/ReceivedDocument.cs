namespace Itk3.Messaging.Validation;

/// <summary>A document accepted earlier: its id, its Composition.identifier and a one-way patient key (see <see cref="Reading.DocumentFacts"/>).</summary>
public sealed record ReceivedDocument(string DocumentId, string? CompositionIdentifier, string? PatientKey);
