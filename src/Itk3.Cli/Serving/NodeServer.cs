using System.Security.Cryptography.X509Certificates;
using Itk3.Dashboard;
using Itk3.Gateway.Api;
using Itk3.Gateway.Api.Hosting;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Diagnostics;
using Itk3.Gateway.Hosting.DependencyInjection;
using Itk3.Mesh.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Itk3.Cli.Serving;

/// <summary>The Generic Host of <c>itk3 serve</c>: the embedded MESH (when configured), the node and the HTTP API (with <c>/metrics</c> and the health probes) as hosted services, systemd and Windows service aware.</summary>
internal static class NodeServer
{
    /// <summary>Builds (does not start) the host; with the API off it is a plain Generic Host without Kestrel.</summary>
    public static IHost Build(GatewayOptions options, string apiUrl, string logFormat, Action<IServiceCollection>? extra = null)
    {
        if (apiUrl.Length == 0)
        {
            var plain = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = Environments.Production });
            Configure(plain, options, logFormat);
            extra?.Invoke(plain.Services);
            return plain.Build();
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "itk3",
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        Configure(builder, options, logFormat);
        var api = new GatewayApiOptions { Urls = [apiUrl], ApiKeys = options.ApiKeys, Health = options.Health, Certificate = LoadCertificate(options) }.WithDashboard();
        builder.Services.AddItk3GatewayApi(api);
        builder.Services.AddOpenTelemetry()
            .WithMetrics(m => m.AddPrometheusExporter())
            .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = IsTracedRequest));
        builder.WebHost.UseItk3GatewayApiKestrel(api);
        extra?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseItk3GatewayApi();
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    /// <summary>API requests get a server span (continuing the caller's <c>traceparent</c>, so a submission joins the caller's trace);
    /// probes and scrapes do not.</summary>
    private static bool IsTracedRequest(Microsoft.AspNetCore.Http.HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal) && !context.Request.Path.StartsWithSegments("/metrics", StringComparison.Ordinal);

    /// <summary>The API's server certificate from <c>apiCertificate</c> (its paths already made absolute by the loader), or null.</summary>
    private static X509Certificate2? LoadCertificate(GatewayOptions options) =>
        options.ApiCertificate is { } c ? CertificateFiles.LoadWithPrivateKey(c.Path, c.KeyPath, c.Password) : null;

    private static void Configure(IHostApplicationBuilder builder, GatewayOptions options, string logFormat)
    {
        LogFormat.Apply(builder.Logging, logFormat);
        builder.Services.AddSystemd();
        builder.Services.AddWindowsService(o => o.ServiceName = "itk3");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddItk3Gateway(options);
        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(m => m.AddMeter(GatewayMetrics.MeterName))
            .WithTracing(t => t.AddSource(GatewayMetrics.MeterName).AddHttpClientInstrumentation());
        if (options.OtlpEndpoint is { Length: > 0 } otlp)
        {
            telemetry.WithMetrics(m => m.AddOtlpExporter(o => o.Endpoint = new Uri(otlp)))
                .WithTracing(t => t.AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        }
    }
}
