using Itk3.Gateway.Api.Contracts;
using Itk3.Gateway.Api.Problems;
using Itk3.Gateway.Api.Security;
using Itk3.Gateway.Application;
using Itk3.Gateway.Audit;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Itk3.Gateway.Api.Endpoints;

/// <summary>Operator routes: list the delivery and outbox queues (<c>read</c>), requeue or resolve their items and resolve what needs attention (<c>operate</c>).</summary>
internal static class OperatorEndpoints
{
    /// <summary>The longest note accepted.</summary>
    public const int MaxNoteLength = 500;

    /// <summary>Maps the routes on the authenticated group.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var deliveries = api.MapGroup("/deliveries").WithTags("Operator actions");
        deliveries.MapGet("", ListDeliveriesAsync).WithName("ListDeliveries")
            .WithSummary("List deliveries to the application (without content), newest first; needsAttention: dead-lettered or waiting after a failure.")
            .Produces<PageView<QueueItemView>>().ProducesProblem(StatusCodes.Status400BadRequest).RequireScope(ApiScopes.Read);
        MapActions(deliveries, QueueKind.Delivery, "Delivery");
        var outbox = api.MapGroup("/outbox").WithTags("Operator actions");
        outbox.MapGet("", ListOutboxAsync).WithName("ListOutbox")
            .WithSummary("List MESH sends (payloads and responses, without content), newest first; needsAttention: dead-lettered or waiting after a failure.")
            .Produces<PageView<QueueItemView>>().ProducesProblem(StatusCodes.Status400BadRequest).RequireScope(ApiScopes.Read);
        MapActions(outbox, QueueKind.Outbox, "Outbox");
        api.MapPost("/transactions/{id}/resolve", (string id, OperatorActionRequest? body, HttpContext http, IGatewayApplication app, CancellationToken ct) =>
                ResolveAttentionAsync(AuditSubject.Transaction, id, body, http, app, ct))
            .WithName("ResolveTransaction").WithTags("Operator actions")
            .WithSummary("Take a failed or timed-out transaction off the needs-attention list, with a note (recorded on its timeline).")
            .Accepts<OperatorActionRequest>("application/json").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).RequireScope(ApiScopes.Operate);
        api.MapPost("/messages/{id}/resolve", (string id, OperatorActionRequest? body, HttpContext http, IGatewayApplication app, CancellationToken ct) =>
                ResolveAttentionAsync(AuditSubject.InboundMessage, id, body, http, app, ct))
            .WithName("ResolveMessage").WithTags("Operator actions")
            .WithSummary("Take a rejected or dead-lettered received message off the needs-attention list, with a note (recorded in its history).")
            .Accepts<OperatorActionRequest>("application/json").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).RequireScope(ApiScopes.Operate);
    }

    private static void MapActions(RouteGroupBuilder group, QueueKind queue, string name)
    {
        group.MapPost("/{id}/requeue", (string id, OperatorActionRequest? body, HttpContext http, IGatewayApplication app, IGatewayQueries queries, CancellationToken ct) =>
                ActAsync(queue, requeue: true, id, body, http, app, queries, ct))
            .WithName("Requeue" + name)
            .WithSummary("Put a dead-lettered or waiting item back in its queue, due now (recorded with the key's name).")
            .Accepts<OperatorActionRequest>("application/json").Produces<QueueItemView>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireScope(ApiScopes.Operate);
        group.MapPost("/{id}/resolve", (string id, OperatorActionRequest? body, HttpContext http, IGatewayApplication app, IGatewayQueries queries, CancellationToken ct) =>
                ActAsync(queue, requeue: false, id, body, http, app, queries, ct))
            .WithName("Resolve" + name)
            .WithSummary("Close a dead-lettered or waiting item for good, with a note (recorded with the key's name); it is never sent or delivered.")
            .Accepts<OperatorActionRequest>("application/json").Produces<QueueItemView>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireScope(ApiScopes.Operate);
    }

    private static async Task<IResult> ListDeliveriesAsync(
        DeliveryState[]? state, string? flow, DateTimeOffset? from, DateTimeOffset? to, bool? needsAttention, int? page, int? pageSize,
        IGatewayQueries queries, CancellationToken ct)
    {
        var (filter, error) = ListQuery.Build(state, flow, from, to, needsAttention, page, pageSize);
        if (filter is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        var found = await queries.ListDeliveriesAsync(filter, ct).ConfigureAwait(false);
        return TypedResults.Ok(new PageView<QueueItemView>([.. found.Items.Select(QueueItemView.From)], found.Total, page ?? 1, filter.Take));
    }

    private static async Task<IResult> ListOutboxAsync(
        OutboxState[]? state, string? flow, DateTimeOffset? from, DateTimeOffset? to, bool? needsAttention, int? page, int? pageSize,
        IGatewayQueries queries, CancellationToken ct)
    {
        var (filter, error) = ListQuery.Build(state, flow, from, to, needsAttention, page, pageSize);
        if (filter is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        var found = await queries.ListOutboxAsync(filter, ct).ConfigureAwait(false);
        return TypedResults.Ok(new PageView<QueueItemView>([.. found.Items.Select(QueueItemView.From)], found.Total, page ?? 1, filter.Take));
    }

    private static async Task<IResult> ActAsync(
        QueueKind queue, bool requeue, string id, OperatorActionRequest? body, HttpContext http, IGatewayApplication app, IGatewayQueries queries, CancellationToken ct)
    {
        if (CheckNote(body?.Note, required: !requeue) is { } problem)
        {
            return problem;
        }

        var action = new OperatorAction(ApiKeyPrincipal.NameOf(http.User), body?.Note?.Trim());
        var result = requeue
            ? await app.RequeueAsync(queue, id, action, ct).ConfigureAwait(false)
            : await app.ResolveAsync(queue, id, action, ct).ConfigureAwait(false);
        var notFound = queue == QueueKind.Outbox ? ApiProblemCodes.OutboxItemNotFound : ApiProblemCodes.DeliveryNotFound;
        if (result != OperatorActionResult.Done)
        {
            return result == OperatorActionResult.NotFound
                ? ApiProblems.NotFound(notFound, id)
                : ApiProblems.Of(StatusCodes.Status409Conflict, ApiProblemCodes.ActionConflict, "the item is not dead-lettered or waiting (sent, delivered, resolved, or being attempted now)");
        }

        var view = queue == QueueKind.Outbox
            ? (await queries.GetOutboxItemAsync(id, ct).ConfigureAwait(false) is { } o ? QueueItemView.From(o) : null)
            : (await queries.GetDeliveryAsync(id, ct).ConfigureAwait(false) is { } d ? QueueItemView.From(d) : null);
        return view is null ? ApiProblems.NotFound(notFound, id) : TypedResults.Ok(view);
    }

    private static async Task<IResult> ResolveAttentionAsync(
        AuditSubject subject, string id, OperatorActionRequest? body, HttpContext http, IGatewayApplication app, CancellationToken ct)
    {
        if (CheckNote(body?.Note, required: true) is { } problem)
        {
            return problem;
        }

        var result = await app.ResolveAttentionAsync(subject, id, new OperatorAction(ApiKeyPrincipal.NameOf(http.User), body!.Note!.Trim()), ct).ConfigureAwait(false);
        return result == OperatorActionResult.Done
            ? TypedResults.NoContent()
            : ApiProblems.NotFound(subject == AuditSubject.Transaction ? ApiProblemCodes.TransactionNotFound : ApiProblemCodes.MessageNotFound, id);
    }

    private static IResult? CheckNote(string? note, bool required) =>
        required && string.IsNullOrWhiteSpace(note) ? ApiProblems.BadRequest("note: is required to resolve (why it needs no more work)")
        : note is { Length: > MaxNoteLength } ? ApiProblems.BadRequest($"note: at most {MaxNoteLength} characters")
        : null;
}
