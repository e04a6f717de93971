namespace Itk3.Gateway.Application;

/// <summary>Stable codes of refused application requests (the HTTP API maps them to status codes).</summary>
public static class GatewayErrorCodes
{
    /// <summary>The payload is empty or not readable FHIR.</summary>
    public const string InvalidPayload = "invalid-payload";

    /// <summary>The payload is FHIR but has errors (strict parse); <see cref="GatewayError.Issues"/> locates every one. Nothing is sent with parts dropped.</summary>
    public const string PayloadInvalid = "payload-invalid";

    /// <summary>The payload does not meet the profiles its flow validates against (<c>validate</c>); <see cref="GatewayError.ProfileIssues"/> lists every issue. Nothing is sent.</summary>
    public const string PayloadProfileInvalid = "payload-profile-invalid";

    /// <summary>The caller's transaction id was already used for a different request (payload, recipient, flow or reference).</summary>
    public const string TransactionConflict = "transaction-conflict";

    /// <summary>The flow is not configured on this node.</summary>
    public const string UnknownFlow = "unknown-flow";

    /// <summary>The recipient is empty or malformed (only the characters a MESH mailbox, ODS code or GPPROVIDER address may hold).</summary>
    public const string InvalidRecipient = "invalid-recipient";

    /// <summary>The ODS code or GP provider address did not resolve to a MESH mailbox.</summary>
    public const string RecipientNotFound = "recipient-not-found";

    /// <summary>MESH could not be asked (endpoint lookup); retry later.</summary>
    public const string MeshUnavailable = "mesh-unavailable";

    /// <summary>The received message is unknown.</summary>
    public const string NotFound = "not-found";

    /// <summary>The outcome code is not a business (3xxxx) code.</summary>
    public const string InvalidOutcome = "invalid-outcome";

    /// <summary>The message does not await a business outcome, or a different one was already reported.</summary>
    public const string Conflict = "conflict";
}
