using Itk3.Dashboard.Pages;
using Itk3.Dashboard.Security;
using Itk3.Gateway.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Itk3.Dashboard;

/// <summary>Adds the dashboard to the API's Kestrel application: <c>AddItk3Dashboard</c> for services, <c>MapItk3Dashboard</c> for routes at <c>/</c>.</summary>
public static class DashboardExtensions
{
    /// <summary>Adds the cookie session, policies, antiforgery and a clock (needs the API's <c>AddItk3ApiKeys</c> and the gateway services).</summary>
    public static IServiceCollection AddItk3Dashboard(this IServiceCollection services)
    {
        DashboardAuth.Add(services);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "itk3.form";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__form";
        });
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Maps the pages (read scope), the actions (operate scope), the login and the assets; payload views are recorded in the access log.</summary>
    public static IEndpointRouteBuilder MapItk3Dashboard(this IEndpointRouteBuilder endpoints)
    {
        LoginPage.Map(endpoints);
        AssetEndpoints.Map(endpoints);
        var pages = endpoints.MapGroup(string.Empty).RequireAuthorization(DashboardAuth.ReadPolicy).ExcludeFromDescription();
        pages.MapGet("/", OverviewPage.PageAsync);
        pages.MapGet("/overview/panel", OverviewPage.PanelAsync);
        pages.MapGet("/transactions", TransactionsPage.RenderAsync);
        pages.MapPost("/transactions", TransactionsPage.RenderAsync);
        pages.MapGet("/transactions/{id}", TransactionPage.RenderAsync);
        pages.MapGet("/messages/outbox/{id}", MessagePage.SentAsync);
        pages.MapGet("/messages/inbound/{id}", MessagePage.ReceivedAsync);
        pages.MapGet("/attention", AttentionPage.RenderAsync);
        pages.MapGet("/mailbox", MailboxPage.RenderAsync);
        ActionEndpoints.Map(endpoints.MapGroup("/actions").RequireAuthorization(DashboardAuth.OperatePolicy).ExcludeFromDescription());
        return endpoints;
    }

    /// <summary>The API options with the dashboard served beside the API.</summary>
    public static GatewayApiOptions WithDashboard(this GatewayApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with { Extensions = [.. options.Extensions, new DashboardApiExtension()] };
    }
}
