using System.Security.Claims;
using Itk3.Gateway.Configuration;

namespace Itk3.Gateway.Api.Security;

/// <summary>Builds and reads the principal of a configured key: its name, and one claim per effective scope.</summary>
public static class ApiKeyPrincipal
{
    /// <summary>The principal for <paramref name="key"/> under <paramref name="scheme"/>.</summary>
    public static ClaimsPrincipal Create(ApiKeySettings key, string scheme)
    {
        ArgumentNullException.ThrowIfNull(key);
        var claims = new List<Claim> { new(ClaimTypes.Name, key.Name) };
        claims.AddRange(ApiScopes.Effective(key.Scopes).Select(s => new Claim(ApiKeyDefaults.ScopeClaim, s)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>Whether the principal holds <paramref name="scope"/>.</summary>
    public static bool Has(ClaimsPrincipal user, string scope) =>
        user.HasClaim(ApiKeyDefaults.ScopeClaim, scope);

    /// <summary>The name to record for the principal's actions (the key's name).</summary>
    public static string NameOf(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
