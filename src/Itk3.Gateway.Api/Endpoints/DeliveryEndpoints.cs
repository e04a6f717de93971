using Itk3.Gateway.Api.Contracts;
using Itk3.Gateway.Api.Problems;
using Itk3.Gateway.Api.Security;
using Itk3.Gateway.Application;
using Itk3.Gateway.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Itk3.Gateway.Api.Endpoints;

/// <summary>/api/v1/deliveries: the pull API for accepted inbound payloads (claim, then acknowledge).</summary>
internal static class DeliveryEndpoints
{
    /// <summary>Maps the routes on the authenticated group.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/deliveries").WithTags("Deliveries (pull)");
        group.MapPost("/next", ClaimAsync).WithName("ClaimDeliveries")
            .WithSummary("Claim up to max waiting payloads (POST: it leases them); an unacknowledged one is handed out again after the lease.")
            .Produces<DeliveryBatch>().ProducesProblem(StatusCodes.Status400BadRequest).RequireScope(ApiScopes.Submit);
        group.MapPost("/{id}/ack", AckAsync).WithName("AckDelivery")
            .WithSummary("Confirm a claimed payload was taken; it is never handed out again.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).RequireScope(ApiScopes.Submit);
    }

    private static async Task<IResult> ClaimAsync(int? max, string? claimant, IGatewayApplication app, CancellationToken ct)
    {
        var count = max ?? 10;
        if (count is < 1 or > 100)
        {
            return ApiProblems.BadRequest("max: must be between 1 and 100");
        }

        if (claimant is { Length: > 100 })
        {
            return ApiProblems.BadRequest("claimant: at most 100 characters");
        }

        var items = await app.ClaimDeliveriesAsync(string.IsNullOrWhiteSpace(claimant) ? "http-api" : claimant.Trim(), count, ct).ConfigureAwait(false);
        return TypedResults.Ok(new DeliveryBatch([.. items.Select(DeliveryView.From)]));
    }

    private static async Task<IResult> AckAsync(string id, IGatewayApplication app, CancellationToken ct) =>
        await app.AckDeliveryAsync(id, ct).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound(ApiProblemCodes.DeliveryNotFound, id);
}
