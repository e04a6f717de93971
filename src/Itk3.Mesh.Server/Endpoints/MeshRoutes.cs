using Itk3.Mesh.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Itk3.Mesh.Server.Endpoints;

/// <summary>Maps every MESH (and admin) route onto its endpoint.</summary>
internal static class MeshRoutes
{
    private const string Mailbox = "/messageexchange/{mb}";

    public static void Map(IEndpointRouteBuilder app, EndpointServices services, MeshAdmin admin)
    {
        var handshake = new HandshakeEndpoints(services);
        var download = new DownloadEndpoint(services);
        var tracking = new TrackingEndpoint(services);
        var lookup = new LookupEndpoints(services);

        app.MapMethods(Mailbox, ["GET", "POST"], handshake.HandshakeAsync);
        app.MapGet(Mailbox + "/count", handshake.CountAsync);
        app.MapGet(Mailbox + "/inbox", new InboxEndpoint(services).HandleAsync);
        app.MapMethods(Mailbox + "/inbox/{id}", ["GET", "HEAD"], download.HandleAsync);
        app.MapMethods(Mailbox + "/inbox/{id}/{n}", ["GET", "HEAD"], download.HandleAsync);
        app.MapPut(Mailbox + "/inbox/{id}/status/acknowledged", new AcknowledgeEndpoint(services).HandleAsync);
        app.MapPost(Mailbox + "/outbox", new SendEndpoint(services).HandleAsync);
        app.MapPost(Mailbox + "/outbox/{id}/{n}", new ChunkUploadEndpoint(services).HandleAsync);
        app.MapGet(Mailbox + "/outbox/tracking", tracking.ByMessageIdAsync);
        app.MapGet(Mailbox + "/outbox/tracking/{localId}", tracking.ByLocalIdAsync);
        app.MapGet("/messageexchange/endpointlookup/{ods}/{workflow}", lookup.EndpointLookupAsync).RequireRateLimiting(LookupLimiter.Policy);
        app.MapGet("/messageexchange/workflowsearch/{workflow}", lookup.WorkflowSearchAsync).RequireRateLimiting(LookupLimiter.Policy);
        foreach (var path in new[] { "/messageexchange/_ping", "/_ping", "/health", "/_status", "/healthcheck" })
        {
            app.MapGet(path, HandshakeEndpoints.PingAsync);
        }

        if (services.Config.AdminEndpoints)
        {
            var adminEndpoints = new AdminEndpoints(admin, services);
            var guard = new AdminTokenGuard(services.Config.AdminToken!, services.Logger);
            app.MapDelete("/admin/reset", guard.Protect(adminEndpoints.ResetAsync));
            app.MapDelete("/admin/reset/{mb}", guard.Protect(adminEndpoints.ResetAsync));
            app.MapPost("/messageexchange/admin/report", guard.Protect(adminEndpoints.ReportAsync));
            app.MapPost("/admin/expire", guard.Protect(adminEndpoints.ExpireAsync));
        }
    }
}
