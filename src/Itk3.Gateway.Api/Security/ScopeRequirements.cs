using Microsoft.AspNetCore.Builder;

namespace Itk3.Gateway.Api.Security;

/// <summary>Marks an endpoint as needing one API-key scope (the <c>api:{scope}</c> policy).</summary>
internal static class ScopeRequirements
{
    /// <summary>Requires <paramref name="scope"/> of the caller's key; others get 403 <c>scope-missing</c>.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ApiKeyDefaults.PolicyFor(scope));
}
