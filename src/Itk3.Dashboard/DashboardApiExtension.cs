using Itk3.Gateway.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Itk3.Dashboard;

/// <summary>Plugs the dashboard into the API's application: its services, the antiforgery check, then its routes.</summary>
internal sealed class DashboardApiExtension : IGatewayApiExtension
{
    /// <inheritdoc />
    public void AddServices(IServiceCollection services) => services.AddItk3Dashboard();

    /// <inheritdoc />
    public void Map(WebApplication app)
    {
        app.UseAntiforgery();
        app.MapItk3Dashboard();
    }
}
