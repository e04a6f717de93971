using Itk3.Messaging.Building;

namespace Itk3.Messaging.Validation;

/// <summary>A recipient named inside a payload (not the header), with where it was found.</summary>
public sealed record PayloadRecipient(ParticipantKind Kind, string Identifier, string Location);
