using System.Text.Json.Serialization;
using Itk3.Gateway.Api.Documentation;
using Itk3.Gateway.Api.Endpoints;
using Itk3.Gateway.Api.Hosting;
using Itk3.Gateway.Api.Health;
using Itk3.Gateway.Api.Problems;
using Itk3.Gateway.Api.Security;
using Itk3.Gateway.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Itk3.Gateway.Api;

/// <summary>Adds the gateway's HTTP API to any ASP.NET Core application: <see cref="AddItk3GatewayApi"/> for services, <see cref="UseItk3GatewayApi"/> for the pipeline and routes (needs <see cref="Application.IGatewayApplication"/> and <see cref="IGatewayQueries"/> registered, for example by <c>AddItk3Gateway</c>).</summary>
public static class GatewayApiEndpoints
{
    /// <summary>The route of the OpenAPI document.</summary>
    public const string OpenApiRoute = "/openapi/v1.json";

    /// <summary>How much of a request the server reads ahead of the handler (HTTP/1.1): above the 32 KiB of headers and 8 KiB request line Kestrel allows.</summary>
    public const long RequestBufferBytes = 64 * 1024;

    /// <summary>Registers the API's services: JSON settings, problem details, API keys, OpenAPI, health checks and the request size limit.</summary>
    public static IServiceCollection AddItk3GatewayApi(this IServiceCollection services, GatewayApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options).AddItk3ApiKeys(options.ApiKeys);
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<KestrelServerOptions>(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            // A large submission waits for room in the node's byte budget before its body is read; meanwhile the server reads ahead
            // only this much of it (1 MiB by default, in pinned blocks), so N waiting uploads do not hold N MiB: the socket
            // transport's input buffer, and the request buffer of connections with a TLS layer.
            k.Limits.MaxRequestBufferSize = RequestBufferBytes;
        });
        services.Configure<SocketTransportOptions>(s => s.MaxReadBufferSize = RequestBufferBytes);
        services.AddHealthChecks().AddCheck<GatewayReadinessCheck>("itk3-gateway", tags: [GatewayReadinessCheck.ReadyTag]);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            var status = c.ProblemDetails.Status ?? c.HttpContext.Response.StatusCode;
            var code = c.ProblemDetails.Extensions.TryGetValue("code", out var set) && set is string s ? s
                : c.Exception is GatewayStoreException { Error: GatewayStoreError.StorageFull } ? ApiProblemCodes.StorageFull
                : ApiProblems.CodeForStatus(status);
            c.ProblemDetails.Extensions["code"] = code;
            c.ProblemDetails.Type = ApiProblems.TypeOf(code);
            c.ProblemDetails.Title = ApiProblems.TitleOf(code);
            c.ProblemDetails.Extensions.Remove("traceId");
        });
        services.AddOpenApi("v1", o => o
            .AddDocumentTransformer<ApiKeySecurityTransformer>()
            .AddDocumentTransformer<FhirContentTransformer>()
            .AddSchemaTransformer<ProblemSchemaTransformer>()
            .AddDocumentTransformer((d, _, _) =>
            {
                d.Info.Title = "ITK3 gateway API";
                d.Info.Description = "Submit payloads over ITK3/MESH, follow transactions, read received messages, report business outcomes, pull deliveries.";
                d.Info.Version = "v1";
                d.Servers = []; // the listen URL varies per node; clients use the URL they called
                return Task.CompletedTask;
            }));
        foreach (var extension in options.Extensions)
        {
            extension.AddServices(services);
        }

        return services;
    }

    /// <summary>Adds the API's middleware (errors as problem details, size limit, API key on /api) and maps its routes, the OpenAPI document and the health probes.</summary>
    public static WebApplication UseItk3GatewayApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<GatewayApiOptions>();
        foreach (var exposed in options.Urls.Where(ListenAddresses.IsPlainHttpBeyondLoopback))
        {
            ApiServerLog.PlainHttpBeyondLoopback(app.Logger, exposed);
        }

        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusOf });
        app.UseStatusCodePages();
        app.Use((context, next) => RefuseOversizedAsync(context, next, options.MaxRequestBodyBytes));
        app.UseAuthentication();
        app.UseItk3ApiKeyGate();
        app.UseRouting();
        app.UseAuthorization();
        app.MapOpenApi(OpenApiRoute);
        HealthEndpoints.MapLiveness(app);
        HealthEndpoints.MapProbes(app);
        // Every /api route can answer 401 (key), 403 (scope) and 503 (store busy or unreachable: retry).
        var api = app.MapGroup("/api/v1").ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        TransactionEndpoints.Map(api);
        MessageEndpoints.Map(api);
        DeliveryEndpoints.Map(api);
        OperatorEndpoints.Map(api);
        HealthEndpoints.Map(api);
        foreach (var extension in options.Extensions)
        {
            extension.Map(app);
        }

        return app;
    }

    private static int StatusOf(Exception exception) => exception switch
    {
        GatewayStoreException => StatusCodes.Status503ServiceUnavailable,
        Microsoft.AspNetCore.Http.BadHttpRequestException bad => bad.StatusCode,
        OperationCanceledException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static Task RefuseOversizedAsync(HttpContext context, RequestDelegate next, long limit)
    {
        if (context.Request.ContentLength > limit)
        {
            return ApiProblems.Of(StatusCodes.Status413PayloadTooLarge, ApiProblemCodes.RequestTooLarge, $"the body is larger than {limit} bytes").ExecuteAsync(context);
        }

        return next(context);
    }
}
