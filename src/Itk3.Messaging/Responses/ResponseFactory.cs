using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Issues;
using Itk3.Fhir.Primitives;
using Itk3.Messaging.Building;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;
using static Itk3.Messaging.Building.Nodes;

namespace Itk3.Messaging.Responses;

/// <summary>
/// Builds ITK3 Responses (event ITK008M, ITK-Response-MessageDefinition-1) exactly as §9.1: MessageHeader first with
/// <c>response.identifier</c> = the original MessageHeader id, the responder, and one ITK-Response-OperationOutcome-1 issue.
/// </summary>
public sealed class ResponseFactory(TimeProvider clock, IIdGenerator ids, Responder responder)
{
    /// <summary>The longest SenderReference a handling key may carry.</summary>
    public const int MaxSenderReferenceLength = 255;

    /// <summary>Builds a response from an explicit request; throws <see cref="ArgumentException"/> for withdrawn codes.</summary>
    public BuiltMessage Create(ResponseRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Code.IsWithdrawn)
        {
            throw new ArgumentException("Withdrawn response codes are never emitted.", nameof(request));
        }

        var bundleId = ids.NewId();
        var identifier = ids.NewId();
        var headerId = ids.NewId();
        var now = clock.GetUtcNow();
        var sender = ItkMessageBuilder.ParticipantResource(responder.Identity, ids.NewId());
        var outcome = OperationOutcome(ids.NewId(), request);
        var parts = new HeaderParts(headerId, MessageEvents.Response, Handling(request), ItkMessageBuilder.EntryUrl(sender), null, now, responder.MeshMailbox)
        {
            Response = N(
                "response",
                P("identifier", SafeId(request.RespondsTo)),
                P("code", request.Code.HeaderResponseCode),
                Reference("details", ItkMessageBuilder.EntryUrl(outcome))),
        };
        ElementNode[] entries =
        [
            Entry(UrnUuid(headerId), ItkMessageBuilder.Header(parts)),
            Entry(ItkMessageBuilder.EntryUrl(sender), sender),
            Entry(ItkMessageBuilder.EntryUrl(outcome), outcome),
        ];
        return new BuiltMessage(ItkMessageBuilder.MessageBundle(bundleId, identifier, entries), bundleId, identifier, headerId, now);
    }

    /// <summary>Builds a response to a received message (null when unreadable): echoes its id and SenderReference.</summary>
    public BuiltMessage CreateFor(ItkMessage? original, string code, string? diagnostics = null, bool requestInfAck = false) =>
        Create(new ResponseRequest(ResponseCodes.Get(code), original?.MessageId ?? ItkUrls.UnreadableIdentifier)
        {
            SenderReference = original?.Header?.Handling?.SenderReference ?? HandlingSpecification.None,
            Diagnostics = diagnostics,
            InfAckRequested = requestInfAck,
        });

    /// <summary>The id written in response.identifier: the original id when it is a valid FHIR id, else the unreadable marker.</summary>
    public static string SafeId(string? id) =>
        id is not null && PrimitiveLexicon.IsValid("id", id) ? id : ItkUrls.UnreadableIdentifier;

    private static HandlingSpecification Handling(ResponseRequest request) => new()
    {
        BusAckRequested = false,
        InfAckRequested = request.InfAckRequested,
        RecipientType = RecipientTypes.ForAction,
        MessageDefinition = ItkUrls.ResponseMessageDefinition,
        SenderReference = SafeSenderReference(request.SenderReference),
    };

    private static string SafeSenderReference(string? value) =>
        string.IsNullOrWhiteSpace(value) ? HandlingSpecification.None
        : value.Length > MaxSenderReferenceLength ? value[..MaxSenderReferenceLength] : value;

    private static ElementNode OperationOutcome(string id, ResponseRequest request) =>
        Resource(
            "OperationOutcome",
            P("id", id),
            Meta(ItkUrls.ResponseOperationOutcome),
            N(
                "issue",
                P("severity", request.Code.Severity.ToCode()),
                P("code", request.Code.IssueType.ToCode()),
                N("details", Coding("coding", ResponseCodes.System, request.Code.Code, request.Code.Display)),
                string.IsNullOrWhiteSpace(request.Diagnostics) ? null : P("diagnostics", request.Diagnostics)));
}
