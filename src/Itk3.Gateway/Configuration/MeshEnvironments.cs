namespace Itk3.Gateway.Configuration;

/// <summary>The NHS England MESH environments by name (MESH.md §1): <c>mesh.url</c> may name one instead of giving the URL.</summary>
public static class MeshEnvironments
{
    /// <summary>Integration (PTL), internet facing.</summary>
    public const string Integration = "https://msg.intspineservices.nhs.uk";

    /// <summary>Deployment (DEP).</summary>
    public const string Deployment = "https://msg.depspineservices.nhs.uk";

    /// <summary>Production (live), internet facing.</summary>
    public const string Production = "https://mesh-sync.spineservices.nhs.uk";

    /// <summary>The names accepted, with their URLs.</summary>
    public static IReadOnlyDictionary<string, string> ByName { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["int"] = Integration,
        ["integration"] = Integration,
        ["dep"] = Deployment,
        ["live"] = Production,
        ["production"] = Production,
    };

    /// <summary>The URL an environment name stands for, or <paramref name="urlOrName"/> unchanged.</summary>
    public static string Resolve(string urlOrName) => ByName.TryGetValue(urlOrName.Trim(), out var url) ? url : urlOrName;
}
