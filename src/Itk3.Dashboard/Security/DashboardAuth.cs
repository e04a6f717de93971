using System.Security.Claims;
using Itk3.Gateway.Api.Security;
using Itk3.Gateway.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Itk3.Dashboard.Security;

/// <summary>The dashboard's cookie session: created by logging in with an API key of <c>read</c> scope; <c>operate</c> is needed for actions.</summary>
internal static class DashboardAuth
{
    /// <summary>The cookie scheme.</summary>
    public const string Scheme = "Itk3Dashboard";

    /// <summary>The policy of every page (a session whose key holds <c>read</c>).</summary>
    public const string ReadPolicy = "dashboard:read";

    /// <summary>The policy of every action (a session whose key holds <c>operate</c>).</summary>
    public const string OperatePolicy = "dashboard:operate";

    /// <summary>Adds the cookie scheme (HttpOnly, SameSite=Strict, 8 hours sliding; keys in memory, so a restart ends sessions) and the two policies.</summary>
    public static void Add(IServiceCollection services)
    {
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "itk3.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/denied";
            o.ReturnUrlParameter = "returnUrl";
            o.Events.OnValidatePrincipal = RejectRemovedKeysAsync;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireClaim(ApiKeyDefaults.ScopeClaim, ApiScopes.Read))
            .AddPolicy(OperatePolicy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireClaim(ApiKeyDefaults.ScopeClaim, ApiScopes.Operate));
    }

    /// <summary>Whether the session's key holds <c>operate</c> (pages show the action buttons only then).</summary>
    public static bool CanOperate(ClaimsPrincipal user) => ApiKeyPrincipal.Has(user, ApiScopes.Operate);

    // A session ends as soon as its key is no longer configured.
    private static async Task RejectRemovedKeysAsync(CookieValidatePrincipalContext context)
    {
        var verifier = context.HttpContext.RequestServices.GetRequiredService<ApiKeyVerifier>();
        if (!verifier.KnowsName(context.Principal?.Identity?.Name))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme).ConfigureAwait(false);
        }
    }
}
