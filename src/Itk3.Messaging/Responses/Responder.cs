using Itk3.Messaging.Building;

namespace Itk3.Messaging.Responses;

/// <summary>Who sends responses: the responding organisation or practitioner and its MESH mailbox id.</summary>
public sealed record Responder(Participant Identity, string MeshMailbox);
