using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Api.Contracts;

/// <summary>An outbound transaction as listed.</summary>
/// <param name="Id">The transaction id.</param>
/// <param name="Flow">The flow's workflow id.</param>
/// <param name="RecipientKind">How the recipient is addressed.</param>
/// <param name="Recipient">The recipient's address.</param>
/// <param name="State">Where it is: Queued, Sent, InfrastructureOk, Complete, Failed or TimedOut.</param>
/// <param name="MessageHeaderId">The MessageHeader id of the sent message.</param>
/// <param name="BundleIdentifier">The message Bundle's identifier.</param>
/// <param name="MeshMessageId">The MESH message id once MESH accepted the send.</param>
/// <param name="CreatedAt">When it was submitted.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="InfrastructureDueAt">When the infrastructure response is due, if one is awaited.</param>
/// <param name="BusinessDueAt">When the business response is due, if one is awaited.</param>
/// <param name="FailureCode">Why it failed: an ITK3 response code or a MESH report code.</param>
/// <param name="FailureDetail">A short description of the failure.</param>
public sealed record TransactionSummary(
    string Id,
    string Flow,
    RecipientKind RecipientKind,
    string Recipient,
    TransactionState State,
    string MessageHeaderId,
    string? BundleIdentifier,
    string? MeshMessageId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? InfrastructureDueAt,
    DateTimeOffset? BusinessDueAt,
    string? FailureCode,
    string? FailureDetail)
{
    /// <summary>The summary of a stored transaction.</summary>
    public static TransactionSummary From(OutboundTransaction t) => new(
        t.Id, t.Flow, t.RecipientKind, t.Recipient, t.State, t.MessageHeaderId, t.BundleIdentifier, t.MeshMessageId,
        t.CreatedAt, t.UpdatedAt ?? t.CreatedAt, t.InfrastructureDueAt, t.BusinessDueAt, t.FailureCode, t.FailureDetail);
}
