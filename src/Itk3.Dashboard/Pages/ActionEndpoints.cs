using Itk3.Dashboard.Rendering;
using Itk3.Gateway.Application;
using Itk3.Gateway.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Itk3.Dashboard.Pages;

/// <summary>POST /actions/...: the operator's requeue, resolve and outcome forms (operate scope, antiforgery token); each redirects back to /attention with what happened.</summary>
internal static class ActionEndpoints
{
    private const int MaxNote = 500;

    /// <summary>Maps the routes under <paramref name="actions"/> (already requiring the operate policy).</summary>
    public static void Map(RouteGroupBuilder actions)
    {
        actions.MapPost("/{queue}/{id}/requeue", (string queue, string id, HttpContext context, IGatewayApplication app, CancellationToken ct) =>
            QueueActionAsync(queue, id, null, requeue: true, context, app, ct));
        actions.MapPost("/{queue}/{id}/resolve", (string queue, string id, [FromForm] string? note, HttpContext context, IGatewayApplication app, CancellationToken ct) =>
            QueueActionAsync(queue, id, note, requeue: false, context, app, ct));
        actions.MapPost("/transactions/{id}/resolve", (string id, [FromForm] string? note, HttpContext context, IGatewayApplication app, CancellationToken ct) =>
            ResolveAttentionAsync(AuditSubject.Transaction, id, note, context, app, ct));
        actions.MapPost("/messages/{id}/resolve", (string id, [FromForm] string? note, HttpContext context, IGatewayApplication app, CancellationToken ct) =>
            ResolveAttentionAsync(AuditSubject.InboundMessage, id, note, context, app, ct));
        actions.MapPost("/messages/{id}/outcome", ReportOutcomeAsync);
    }

    private static async Task<IResult> QueueActionAsync(string queue, string id, string? note, bool requeue, HttpContext context, IGatewayApplication app, CancellationToken ct)
    {
        QueueKind? kind = queue switch { "outbox" => QueueKind.Outbox, "deliveries" => QueueKind.Delivery, _ => null };
        if (kind is null || (!requeue && !IsNote(note)))
        {
            return Done(kind is null ? "missing" : "invalid");
        }

        var action = new OperatorAction(Layout.Who(context.User), note?.Trim());
        var result = requeue
            ? await app.RequeueAsync(kind.Value, id, action, ct).ConfigureAwait(false)
            : await app.ResolveAsync(kind.Value, id, action, ct).ConfigureAwait(false);
        return Done(result, requeue ? "requeued" : "resolved");
    }

    private static async Task<IResult> ResolveAttentionAsync(AuditSubject subject, string id, string? note, HttpContext context, IGatewayApplication app, CancellationToken ct)
    {
        if (!IsNote(note))
        {
            return Done("invalid");
        }

        var result = await app.ResolveAttentionAsync(subject, id, new OperatorAction(Layout.Who(context.User), note!.Trim()), ct).ConfigureAwait(false);
        return Done(result, "resolved");
    }

    private static async Task<IResult> ReportOutcomeAsync(
        string id, [FromForm] string? code, [FromForm] string? diagnostics, HttpContext context, IGatewayApplication app, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || diagnostics is { Length: > MaxNote })
        {
            return Done("invalid");
        }

        var report = new OutcomeReport(id, code.Trim()) { Diagnostics = string.IsNullOrWhiteSpace(diagnostics) ? null : diagnostics.Trim(), Actor = Layout.Who(context.User) };
        return Done(await app.ReportOutcomeAsync(report, ct).ConfigureAwait(false) switch
        {
            OutcomeResult.Accepted or OutcomeResult.AlreadyReported => "reported",
            OutcomeResult.NotFound => "missing",
            OutcomeResult.Invalid => "invalid",
            _ => "conflict",
        });
    }

    private static bool IsNote(string? note) => !string.IsNullOrWhiteSpace(note) && note.Length <= MaxNote;

    private static IResult Done(OperatorActionResult result, string success) => Done(result switch
    {
        OperatorActionResult.Done => success,
        OperatorActionResult.NotFound => "missing",
        _ => "conflict",
    });

    private static IResult Done(string what) => Results.LocalRedirect("/attention?done=" + what);
}
