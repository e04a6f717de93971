using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Itk3.Gateway.Api;

/// <summary>Something served by the API's Kestrel application beside the API (the dashboard): its services, then its middleware and routes.</summary>
public interface IGatewayApiExtension
{
    /// <summary>Adds the extension's services (called while the application is built).</summary>
    void AddServices(IServiceCollection services);

    /// <summary>Adds its middleware and maps its routes (called after authentication, authorization and the API routes).</summary>
    void Map(WebApplication app);
}
