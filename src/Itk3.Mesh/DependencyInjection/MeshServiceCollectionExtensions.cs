using Itk3.Mesh.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Itk3.Mesh.DependencyInjection;

/// <summary>Registers a MESH client for one mailbox in DI, its socket handler (client certificate, trust roots, proxy) managed by <see cref="IHttpClientFactory"/>.</summary>
public static class MeshServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient factory entry the client's handler comes from; add your own handlers to it with <c>AddHttpClient(MeshServiceCollectionExtensions.HttpClientName)</c>.</summary>
    public const string HttpClientName = "Itk3.Mesh";

    /// <summary>Registers <see cref="IMeshClient"/> (a singleton) built from <paramref name="options"/>; returns the HttpClient builder for extra handlers (logging, resilience).</summary>
    public static IHttpClientBuilder AddMeshClient(this IServiceCollection services, Func<IServiceProvider, MeshClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton<MeshClientOptions>(options);
        services.AddSingleton<IMeshClient>(sp => new MeshClient(
            sp.GetRequiredService<MeshClientOptions>(), sp.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(HttpClientName)));
        return services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => MeshTransport.CreateHandler(sp.GetRequiredService<MeshClientOptions>()))
            // The client lives as long as the app (a singleton): connection lifetime, not handler rotation, refreshes DNS.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
    }

    /// <summary>Registers <see cref="IMeshClient"/> with fixed options.</summary>
    public static IHttpClientBuilder AddMeshClient(this IServiceCollection services, MeshClientOptions options) =>
        services.AddMeshClient(_ => options);
}
