using Itk3.Gateway.Api.Contracts;
using Itk3.Gateway.Api.Problems;
using Itk3.Gateway.Api.Security;
using Itk3.Gateway.Application;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Itk3.Gateway.Api.Endpoints;

/// <summary>/api/v1/messages: messages received from MESH, their payloads, and the application's business outcome.</summary>
internal static class MessageEndpoints
{
    /// <summary>Maps the routes on the authenticated group.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/messages").WithTags("Received messages");
        group.MapGet("", ListAsync).WithName("ListMessages")
            .WithSummary("List received messages, newest first, filtered by state, flow, period and needs-attention (rejected, dead-lettered).")
            .Produces<PageView<ReceivedMessageView>>().ProducesProblem(StatusCodes.Status400BadRequest).RequireScope(ApiScopes.Read);
        group.MapGet("/{id}", GetAsync).WithName("GetMessage")
            .WithSummary("A received message by MESH message id: state, validation code, outcome awaited or reported.")
            .Produces<ReceivedMessageView>().ProducesProblem(StatusCodes.Status404NotFound).RequireScope(ApiScopes.Read);
        group.MapGet("/{id}/payload", GetPayloadAsync).WithName("GetMessagePayload")
            .WithSummary("The received ITK3 message bytes exactly as they arrived.")
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "application/fhir+json", "application/fhir+xml")
            .ProducesProblem(StatusCodes.Status404NotFound).RequireScope(ApiScopes.Read);
        group.MapPost("/{id}/outcome", ReportOutcomeAsync).WithName("ReportOutcome")
            .WithSummary("Report the application's business outcome (a 3xxxx code); the node sends the business response.")
            .Accepts<OutcomeRequest>("application/json")
            .Produces<OutcomeReceipt>(StatusCodes.Status202Accepted).Produces<OutcomeReceipt>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .RequireScope(ApiScopes.Submit);
    }

    private static async Task<IResult> ListAsync(
        InboundState[]? state, string? flow, DateTimeOffset? from, DateTimeOffset? to, bool? needsAttention, int? page, int? pageSize,
        IGatewayQueries queries, CancellationToken ct)
    {
        var (filter, error) = ListQuery.Build(state, flow, from, to, needsAttention, page, pageSize);
        if (filter is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        var found = await queries.ListInboundAsync(filter, ct).ConfigureAwait(false);
        return TypedResults.Ok(new PageView<ReceivedMessageView>([.. found.Items.Select(ReceivedMessageView.From)], found.Total, page ?? 1, filter.Take));
    }

    private static async Task<IResult> GetAsync(string id, IGatewayQueries queries, CancellationToken ct)
    {
        var message = await queries.GetInboundAsync(id, ct).ConfigureAwait(false);
        return message is null
            ? ApiProblems.NotFound(ApiProblemCodes.MessageNotFound, id)
            : TypedResults.Ok(ReceivedMessageView.From(message));
    }

    private static async Task<IResult> GetPayloadAsync(string id, IGatewayApplication app, CancellationToken ct)
    {
        var payload = await app.GetPayloadAsync(id, ct).ConfigureAwait(false);
        return payload is null
            ? ApiProblems.NotFound(ApiProblemCodes.MessageNotFound, id)
            : TypedResults.Bytes(payload.Content.ToArray(), PayloadReader.MediaTypeOf(payload.Content.Span));
    }

    private static async Task<IResult> ReportOutcomeAsync(string id, OutcomeRequest? body, HttpContext http, IGatewayApplication app, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body?.Code))
        {
            return ApiProblems.BadRequest("code: is required (an ITK3 business response code such as 30001)");
        }

        var code = body.Code.Trim();
        var result = await app.ReportOutcomeAsync(new OutcomeReport(id, code) { Diagnostics = body.Diagnostics, Actor = ApiKeyPrincipal.NameOf(http.User) }, ct).ConfigureAwait(false);
        return result switch
        {
            OutcomeResult.Accepted => TypedResults.Accepted((string?)null, new OutcomeReceipt(id, code, false)),
            OutcomeResult.AlreadyReported => TypedResults.Ok(new OutcomeReceipt(id, code, true)),
            OutcomeResult.NotFound => ApiProblems.NotFound(ApiProblemCodes.MessageNotFound, id),
            OutcomeResult.Invalid => ApiProblems.Of(StatusCodes.Status400BadRequest, ApiProblemCodes.InvalidOutcome, "code: not an ITK3 business (3xxxx) response code"),
            _ => ApiProblems.Of(StatusCodes.Status409Conflict, ApiProblemCodes.OutcomeConflict, "the message does not await a business outcome, or another one was reported"),
        };
    }
}
