using Itk3.Gateway.Api.Hosting;
using Itk3.Gateway.Application;
using Itk3.Gateway.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Api;

/// <summary>Builds the stand-alone API application of <see cref="GatewayApiServer"/> over a node's services (the node runs elsewhere in the process).</summary>
internal static class GatewayApiApplication
{
    /// <summary>The route of the OpenAPI document.</summary>
    public const string OpenApiRoute = GatewayApiEndpoints.OpenApiRoute;

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

        // This server lives inside a process that owns Ctrl+C (the CLI, a test): it stops when disposed, not on signals.
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.Services.AddSingleton(application).AddSingleton(queries);
        builder.Services.AddItk3GatewayApi(options);
        builder.WebHost.UseItk3GatewayApiKestrel(options);

        var app = builder.Build();
        app.UseItk3GatewayApi();
        return app;
    }
}
