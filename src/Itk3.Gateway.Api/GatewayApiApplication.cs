using System.Text.Json.Serialization;
using Itk3.Gateway.Api.Documentation;
using Itk3.Gateway.Api.Endpoints;
using Itk3.Gateway.Api.Hosting;
using Itk3.Gateway.Api.Problems;
using Itk3.Gateway.Api.Security;
using Itk3.Gateway.Application;
using Itk3.Gateway.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Api;

/// <summary>Composes the ASP.NET Core application: JSON settings, problem details, API-key check, routes and the OpenAPI document.</summary>
internal static class GatewayApiApplication
{
    /// <summary>The route of the OpenAPI document.</summary>
    public const string OpenApiRoute = "/openapi/v1.json";

    /// <summary>Builds (does not start) the application.</summary>
    public static WebApplication Build(IGatewayApplication application, IGatewayQueries queries, GatewayApiOptions options, ILoggerFactory? loggerFactory)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(GatewayApiApplication).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.Services.AddSingleton(application).AddSingleton(queries);
        builder.Services.AddItk3ApiKeys(options.ApiKeys);
        AddContracts(builder.Services);
        foreach (var extension in options.Extensions)
        {
            extension.AddServices(builder.Services);
        }

        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        });

        var app = builder.Build();
        Configure(app, options);
        return app;
    }

    private static void AddContracts(IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            var status = c.ProblemDetails.Status ?? c.HttpContext.Response.StatusCode;
            var code = c.ProblemDetails.Extensions.TryGetValue("code", out var set) && set is string s ? s : ApiProblems.CodeForStatus(status);
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
    }

    private static void Configure(WebApplication app, GatewayApiOptions options)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusOf });
        app.UseStatusCodePages();
        app.Use((context, next) => RefuseOversizedAsync(context, next, options.MaxRequestBodyBytes));
        app.UseAuthentication();
        app.UseItk3ApiKeyGate();
        app.UseRouting();
        app.UseAuthorization();
        app.MapOpenApi(OpenApiRoute);
        HealthEndpoints.MapLiveness(app);
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
    }

    private static int StatusOf(Exception exception) => exception switch
    {
        GatewayStoreException => StatusCodes.Status503ServiceUnavailable,
        BadHttpRequestException bad => bad.StatusCode,
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
