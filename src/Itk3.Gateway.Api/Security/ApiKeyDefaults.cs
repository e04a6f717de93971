namespace Itk3.Gateway.Api.Security;

/// <summary>Names shared by the API-key authentication scheme, its policies and the dashboard.</summary>
public static class ApiKeyDefaults
{
    /// <summary>The authentication scheme of <c>/api</c> calls.</summary>
    public const string Scheme = "ApiKey";

    /// <summary>The header carrying the key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>The claim type holding each scope the key grants (<c>admin</c> expanded).</summary>
    public const string ScopeClaim = "itk3:scope";

    /// <summary>The authorization policy that requires <paramref name="scope"/> of an API-key caller.</summary>
    public static string PolicyFor(string scope) => "api:" + scope;
}
