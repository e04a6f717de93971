using Itk3.Gateway.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Itk3.Gateway.Api.Security;

/// <summary>Registers the <c>ApiKey</c> scheme and one policy per scope, and refuses unauthenticated <c>/api</c> calls before routing.</summary>
public static class ApiAuthentication
{
    /// <summary>Adds the verifier over <paramref name="keys"/>, the scheme (the default) and the <c>api:{scope}</c> policies.</summary>
    public static AuthenticationBuilder AddItk3ApiKeys(this IServiceCollection services, IEnumerable<ApiKeySettings> keys)
    {
        services.AddSingleton(new ApiKeyVerifier(keys));
        services.AddAuthorization(o =>
        {
            foreach (var scope in ApiScopes.All)
            {
                o.AddPolicy(ApiKeyDefaults.PolicyFor(scope), p => p
                    .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
                    .RequireAuthenticatedUser()
                    .RequireClaim(ApiKeyDefaults.ScopeClaim, scope));
            }
        });
        return services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
    }

    /// <summary>Challenges (401) every <c>/api</c> request whose key is missing or unknown, before routing and body reading.</summary>
    public static IApplicationBuilder UseItk3ApiKeyGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                && context.User.Identity?.AuthenticationType != ApiKeyDefaults.Scheme)
            {
                await context.ChallengeAsync(ApiKeyDefaults.Scheme).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
}
