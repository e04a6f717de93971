namespace Itk3.Gateway.Api.Problems;

/// <summary>The stable <c>code</c> member of every problem details response; clients branch on these, never on wording.</summary>
public static class ApiProblemCodes
{
    /// <summary>401: no <c>X-Api-Key</c> header.</summary>
    public const string ApiKeyMissing = "api-key-missing";

    /// <summary>401: the <c>X-Api-Key</c> header matches no configured key.</summary>
    public const string ApiKeyInvalid = "api-key-invalid";

    /// <summary>403: the API key is valid but does not hold the scope the route needs.</summary>
    public const string ScopeMissing = "scope-missing";

    /// <summary>400: the request is malformed (body, query or field); <c>detail</c> names the field.</summary>
    public const string InvalidRequest = "invalid-request";

    /// <summary>400: the payload is not readable FHIR; <c>issues</c> lists the located FHIR issues.</summary>
    public const string PayloadUnreadable = "payload-unreadable";

    /// <summary>422: the payload is FHIR with errors (strict parse); <c>issues</c> locates every one (path, line, column, code). Nothing was queued.</summary>
    public const string PayloadInvalid = "payload-invalid";

    /// <summary>422: the payload does not meet the profiles its flow validates against (<c>validate</c>); <c>issues</c> lists every issue (code, severity, path, line, column, profile, elementId). Nothing was queued.</summary>
    public const string PayloadProfileInvalid = "payload-profile-invalid";

    /// <summary>409: the <c>transactionId</c> was already used for a different request (payload, recipient, flow or reference).</summary>
    public const string TransactionConflict = "transaction-conflict";

    /// <summary>400: the flow is not configured on this node.</summary>
    public const string UnknownFlow = "unknown-flow";

    /// <summary>400: the recipient is empty or malformed (a mailbox or ODS code is letters and digits; a GP address is GPPROVIDER_nhs_yyyyMMdd_surname).</summary>
    public const string InvalidRecipient = "invalid-recipient";

    /// <summary>422: the ODS code did not resolve to a MESH mailbox for the flow.</summary>
    public const string RecipientNotFound = "recipient-not-found";

    /// <summary>503: MESH could not be asked; retry later.</summary>
    public const string MeshUnavailable = "mesh-unavailable";

    /// <summary>404: no transaction with that id.</summary>
    public const string TransactionNotFound = "transaction-not-found";

    /// <summary>404: no received message with that MESH message id.</summary>
    public const string MessageNotFound = "message-not-found";

    /// <summary>404: no claimed, unacknowledged delivery with that id.</summary>
    public const string DeliveryNotFound = "delivery-not-found";

    /// <summary>404: no outbox item with that id.</summary>
    public const string OutboxItemNotFound = "outbox-item-not-found";

    /// <summary>409: the item is not in a state the operator action applies to (already sent, delivered, resolved or in flight).</summary>
    public const string ActionConflict = "action-conflict";

    /// <summary>404: no payload is stored for that transaction.</summary>
    public const string PayloadNotFound = "payload-not-found";

    /// <summary>400: the outcome code is not an ITK3 business (3xxxx) response code.</summary>
    public const string InvalidOutcome = "invalid-outcome";

    /// <summary>409: the message does not await a business outcome, or a different one was already reported.</summary>
    public const string OutcomeConflict = "outcome-conflict";

    /// <summary>404: no such route.</summary>
    public const string RouteNotFound = "route-not-found";

    /// <summary>405: the route exists but not with this method.</summary>
    public const string MethodNotAllowed = "method-not-allowed";

    /// <summary>413: the request body is larger than the configured limit.</summary>
    public const string RequestTooLarge = "request-too-large";

    /// <summary>415: the request body is not JSON.</summary>
    public const string UnsupportedMediaType = "unsupported-media-type";

    /// <summary>503: the store is busy or unreachable; retry later.</summary>
    public const string StoreUnavailable = "store-unavailable";

    /// <summary>503: the store's disk is full; nothing was accepted, retry once space is freed.</summary>
    public const string StorageFull = "storage-full";

    /// <summary>500: an unexpected failure (logged on the server; no details are returned).</summary>
    public const string InternalError = "internal-error";
}
