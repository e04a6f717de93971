using System.Diagnostics.Metrics;
using Itk3.Gateway.Application;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Diagnostics;
using Itk3.Gateway.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Hosting.DependencyInjection;

/// <summary>Registers an ITK3 gateway node in a Generic Host (or an ASP.NET Core app): the node and, when configured, the embedded MESH as hosted services; <see cref="IGatewayApplication"/> and <see cref="IGatewayQueries"/> for the app's own endpoints.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>Binds and validates the node configuration in <paramref name="configuration"/> (every error listed at once, as <see cref="GatewayConfigException"/>), relative paths against <paramref name="baseFolder"/>, and registers the node.</summary>
    public static IServiceCollection AddItk3Gateway(this IServiceCollection services, IConfiguration configuration, string baseFolder, Func<GatewayHostBuilder, GatewayHostBuilder>? customize = null) =>
        services.AddItk3Gateway(GatewayOptionsLoader.Bind(configuration, baseFolder), customize);

    /// <summary>Registers a node with these options; <paramref name="customize"/> adjusts the builder (clock, ids, delivery target, tuning).</summary>
    public static IServiceCollection AddItk3Gateway(this IServiceCollection services, GatewayOptions options, Func<GatewayHostBuilder, GatewayHostBuilder>? customize = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        GatewayOptionsLoader.Validate(options);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GatewayRuntime>();
        services.AddSingleton(sp => new GatewayMetrics(sp.GetService<IMeterFactory>()));
        services.AddSingleton<Func<Uri?, GatewayHostBuilder>>(sp => mesh =>
        {
            var builder = new GatewayHostBuilder(options)
            {
                MeshUrl = mesh,
                Clock = sp.GetRequiredService<TimeProvider>(),
                LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
                Metrics = sp.GetRequiredService<GatewayMetrics>(),
            };
            return customize?.Invoke(builder) ?? builder;
        });
        if (options.Mesh.IsEmbedded)
        {
            services.AddHostedService<EmbeddedMeshService>();
        }

        services.AddHostedService<GatewayNodeService>();
        services.AddSingleton(sp => sp.GetRequiredService<GatewayRuntime>().Host.Application);
        services.AddSingleton(sp => sp.GetRequiredService<GatewayRuntime>().Host.Queries);
        return services;
    }
}
