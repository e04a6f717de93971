using System.Text.Json.Serialization;

namespace Itk3.Gateway.Configuration;

/// <summary>One API key: who holds it (the name recorded on every action it takes), the key (plain or <c>sha256:</c> hex hash) and its scopes.</summary>
/// <remarks>A plain JSON string in <c>apiKeys</c> is still read (deprecated): it becomes a key named <c>key-N</c> (its position, from 1) with every scope.</remarks>
[JsonConverter(typeof(ApiKeySettingsJsonConverter))]
public sealed record ApiKeySettings
{
    /// <summary>The holder's name (for example <c>ehr-integration</c>); the principal name in audit records and timelines.</summary>
    public string Name { get; init; } = "";

    /// <summary>The key itself, or <c>sha256:</c> followed by the 64 hex digits of its SHA-256 (preferred: the file then holds no secret).</summary>
    public string Key { get; init; } = "";

    /// <summary>What the key may do: any of <see cref="ApiScopes.All"/>.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>Whether it was written in the deprecated plain-string form (every scope).</summary>
    [JsonIgnore]
    public bool IsLegacy { get; private init; }

    /// <summary>A key in the deprecated plain-string form: every scope, named <c>key-N</c> by the caller.</summary>
    public static ApiKeySettings Legacy(string key, string name = "key") =>
        new() { Name = name, Key = key, Scopes = ApiScopes.All, IsLegacy = true };
}
