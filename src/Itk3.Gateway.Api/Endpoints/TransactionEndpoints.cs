using Itk3.Gateway.Api.Contracts;
using Itk3.Gateway.Api.Problems;
using Itk3.Gateway.Api.Security;
using Itk3.Gateway.Application;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Itk3.Gateway.Api.Endpoints;

/// <summary>/api/v1/transactions: submit a payload, follow its transaction, list and filter, read the sent message.</summary>
internal static class TransactionEndpoints
{
    /// <summary>Maps the routes on the authenticated group.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/transactions").WithTags("Transactions");
        group.MapPost("", SubmitAsync).WithName("SubmitTransaction")
            .WithSummary("Submit a FHIR payload: the node wraps it in an ITK3 message, stores the transaction and queues it for MESH.")
            .Accepts<SubmitTransactionRequest>("application/json")
            .Produces<TransactionView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireScope(ApiScopes.Submit);
        group.MapPost("/fhir", SubmitRawAsync).WithName("SubmitFhirTransaction")
            .WithSummary("Submit a FHIR payload sent as the raw body (application/fhir+json or application/fhir+xml), addressed by query parameters.")
            .Accepts<byte[]>("application/fhir+json", "application/fhir+xml")
            .Produces<TransactionView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireScope(ApiScopes.Submit);
        group.MapGet("", ListAsync).WithName("ListTransactions")
            .WithSummary("List transactions, newest first, filtered by state, flow, period and needs-attention.")
            .Produces<PageView<TransactionSummary>>().ProducesProblem(StatusCodes.Status400BadRequest).RequireScope(ApiScopes.Read);
        group.MapGet("/{id}", GetAsync).WithName("GetTransaction")
            .WithSummary("A transaction with its state, timeline and the ITK3 responses received (codes).")
            .Produces<TransactionView>().ProducesProblem(StatusCodes.Status404NotFound).RequireScope(ApiScopes.Read);
        group.MapGet("/{id}/payload", GetPayloadAsync).WithName("GetTransactionPayload")
            .WithSummary("The ITK3 message sent for a transaction, as FHIR JSON or XML bytes.")
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "application/fhir+json", "application/fhir+xml")
            .ProducesProblem(StatusCodes.Status404NotFound).RequireScope(ApiScopes.Read);
    }

    private static async Task<IResult> SubmitAsync(HttpRequest http, IGatewayApplication app, IGatewayQueries queries, CancellationToken ct)
    {
        if (!http.HasJsonContentType())
        {
            return ApiProblems.Of(StatusCodes.Status415UnsupportedMediaType, ApiProblemCodes.UnsupportedMediaType, "Content-Type: expected application/json");
        }

        // As the raw route: the body (base64 in JSON, then its string and its decoded bytes) is read only when the node's byte
        // budget has room for it, so many large submissions at once wait here instead of each holding its payload.
        using var room = await app.ReserveBytesAsync(http.ContentLength ?? long.MaxValue, ct).ConfigureAwait(false);
        var (body, error) = await ReadSubmissionAsync(http, ct).ConfigureAwait(false);
        if (body is null)
        {
            return ApiProblems.BadRequest(error ?? "body: a JSON submission object is required");
        }

        if (body.RecipientKind is not { } kind)
        {
            return ApiProblems.BadRequest("recipientKind: is required (Mailbox, Ods or GpProvider)");
        }

        var (bytes, problem) = PayloadReader.Decode(body.Payload, body.Format);
        if (problem is not null)
        {
            return problem;
        }

        var request = new SubmitRequest(bytes!, kind, body.Recipient ?? "", body.Flow ?? "") { Format = body.Format, BytesReserved = true };
        return await SubmitCoreAsync(request, body.SenderReference, body.TransactionId, app, queries, ct).ConfigureAwait(false);
    }

    /// <summary>The submission in the body; null with where the body went wrong when it is not a valid submission object.</summary>
    private static async Task<(SubmitTransactionRequest? Body, string? Error)> ReadSubmissionAsync(HttpRequest http, CancellationToken ct)
    {
        try
        {
            return (await http.ReadFromJsonAsync<SubmitTransactionRequest>(ct).ConfigureAwait(false), null);
        }
        catch (System.Text.Json.JsonException e)
        {
            var line = e.LineNumber is { } l ? l + 1 : 0;
            var column = e.BytePositionInLine is { } c ? c + 1 : 0;
            return (null, $"body: not a valid JSON submission object at {e.Path ?? "$"} (line {line}, byte {column})");
        }
    }

    private static async Task<IResult> SubmitRawAsync(
        string? flow, RecipientKind? recipientKind, string? recipient, string? senderReference, string? transactionId,
        HttpRequest http, IGatewayApplication app, IGatewayQueries queries, CancellationToken ct)
    {
        if (PayloadReader.FormatOf(http.ContentType is { } type ? type.Split(';')[0].Trim() : null) is not { } format)
        {
            return ApiProblems.Of(StatusCodes.Status415UnsupportedMediaType, ApiProblemCodes.UnsupportedMediaType, "Content-Type: expected application/fhir+json or application/fhir+xml");
        }

        if (recipientKind is not { } kind)
        {
            return ApiProblems.BadRequest("recipientKind: is required (Mailbox, Ods or GpProvider)");
        }

        // The body is read only when the node's byte budget has room for it: many large submissions at once wait here
        // instead of each holding its payload (an unknown length is charged as the whole budget).
        using var room = await app.ReserveBytesAsync(http.ContentLength ?? long.MaxValue, ct).ConfigureAwait(false);
        var bytes = await PayloadReader.ReadBodyAsync(http, ct).ConfigureAwait(false);
        if (bytes is null)
        {
            return ApiProblems.BadRequest("body: shorter than its Content-Length");
        }

        if (PayloadReader.Check(bytes, format) is { } problem)
        {
            return problem;
        }

        var request = new SubmitRequest(bytes, kind, recipient ?? "", flow ?? "") { Format = format, BytesReserved = true };
        return await SubmitCoreAsync(request, senderReference, transactionId, app, queries, ct).ConfigureAwait(false);
    }

    private static async Task<IResult> SubmitCoreAsync(
        SubmitRequest request, string? senderReference, string? transactionId, IGatewayApplication app, IGatewayQueries queries, CancellationToken ct)
    {
        request = request with
        {
            SenderReference = senderReference,
            TransactionId = string.IsNullOrWhiteSpace(transactionId) ? null : transactionId.Trim(),
        };
        var result = await app.SubmitAsync(request, ct).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            return Refused(error);
        }

        var details = await queries.GetTransactionAsync(result.TransactionId!, ct).ConfigureAwait(false);
        var location = "/api/v1/transactions/" + Uri.EscapeDataString(result.TransactionId!);
        return details is null
            ? ApiProblems.NotFound(ApiProblemCodes.TransactionNotFound, result.TransactionId!)
            : TypedResults.Accepted(location, TransactionView.From(details) with { Issues = Findings(result) });
    }

    private static async Task<IResult> ListAsync(
        TransactionState[]? state, string? flow, DateTimeOffset? from, DateTimeOffset? to, bool? needsAttention, int? page, int? pageSize,
        IGatewayQueries queries, CancellationToken ct)
    {
        var (filter, error) = ListQuery.Build(state, flow, from, to, needsAttention, page, pageSize);
        if (filter is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        var found = await queries.ListTransactionsAsync(filter, ct).ConfigureAwait(false);
        return TypedResults.Ok(new PageView<TransactionSummary>([.. found.Items.Select(TransactionSummary.From)], found.Total, page ?? 1, filter.Take));
    }

    private static async Task<IResult> GetAsync(string id, IGatewayQueries queries, CancellationToken ct)
    {
        var details = await queries.GetTransactionAsync(id, ct).ConfigureAwait(false);
        return details is null
            ? ApiProblems.NotFound(ApiProblemCodes.TransactionNotFound, id)
            : TypedResults.Ok(TransactionView.From(details));
    }

    private static async Task<IResult> GetPayloadAsync(string id, IGatewayQueries queries, CancellationToken ct)
    {
        var details = await queries.GetTransactionAsync(id, ct).ConfigureAwait(false);
        if (details is null)
        {
            return ApiProblems.NotFound(ApiProblemCodes.TransactionNotFound, id);
        }

        var content = details.OutboxItemIds.Count == 0 ? null : await queries.GetOutboxContentAsync(details.OutboxItemIds[0], ct).ConfigureAwait(false);
        return content is null
            ? ApiProblems.NotFound(ApiProblemCodes.PayloadNotFound, id)
            : TypedResults.Bytes(content, PayloadReader.MediaTypeOf(content));
    }

    /// <summary>The profile validation warnings and items not checked of an accepted submission; null when its flow does not validate or found none.</summary>
    private static IReadOnlyList<PayloadIssue>? Findings(SubmitResult result) =>
        result.Findings.Count == 0 ? null : [.. result.Findings.Select(PayloadIssue.From)];

    private static IResult Refused(GatewayError error) => error.Code switch
    {
        GatewayErrorCodes.InvalidPayload => PayloadReader.Unreadable(error.Detail, [.. error.Issues.Select(PayloadIssue.From)]),
        GatewayErrorCodes.PayloadInvalid => PayloadReader.Invalid(error.Detail, [.. error.Issues.Select(PayloadIssue.From)]),
        GatewayErrorCodes.PayloadProfileInvalid => ApiProblems.Of(
            StatusCodes.Status422UnprocessableEntity, ApiProblemCodes.PayloadProfileInvalid, error.Detail, [.. error.ProfileIssues.Select(PayloadIssue.From)]),
        GatewayErrorCodes.TransactionConflict => ApiProblems.Of(StatusCodes.Status409Conflict, ApiProblemCodes.TransactionConflict, error.Detail),
        GatewayErrorCodes.UnknownFlow => ApiProblems.Of(StatusCodes.Status400BadRequest, ApiProblemCodes.UnknownFlow, error.Detail),
        GatewayErrorCodes.InvalidRecipient => ApiProblems.Of(StatusCodes.Status400BadRequest, ApiProblemCodes.InvalidRecipient, error.Detail),
        GatewayErrorCodes.RecipientNotFound => ApiProblems.Of(StatusCodes.Status422UnprocessableEntity, ApiProblemCodes.RecipientNotFound, error.Detail),
        GatewayErrorCodes.MeshUnavailable => ApiProblems.Of(StatusCodes.Status503ServiceUnavailable, ApiProblemCodes.MeshUnavailable, error.Detail),
        _ => ApiProblems.BadRequest(error.Detail),
    };
}
