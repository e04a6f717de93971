namespace Itk3.Gateway.Configuration;

/// <summary>Checks the <c>apiKeys</c> entries of a configuration; every error names the entry's JSON path.</summary>
internal static class ApiKeyValidation
{
    private const string HashPrefix = "sha256:";

    /// <summary>Gives each deprecated plain-string key the name <c>key-N</c> (its position, from 1).</summary>
    public static IReadOnlyList<ApiKeySettings> NameLegacyKeys(IReadOnlyList<ApiKeySettings> keys) =>
        [.. keys.Select((k, i) => k.IsLegacy && k.Name.Length == 0 ? k with { Name = $"key-{i + 1}" } : k)];

    /// <summary>Throws <see cref="GatewayConfigException"/> for an empty name or key, a malformed hash, an unknown or missing scope, or a repeated name.</summary>
    public static void Validate(IReadOnlyList<ApiKeySettings> keys)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < keys.Count; i++)
        {
            var at = $"$.apiKeys[{i}]";
            var key = keys[i];
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                throw new GatewayConfigException(at + ".name", "is required (who holds the key; recorded on every action it takes)");
            }

            if (!names.Add(key.Name))
            {
                throw new GatewayConfigException(at + ".name", $"'{key.Name}' is already the name of another key");
            }

            var keyPath = key.IsLegacy ? at : at + ".key";
            if (string.IsNullOrWhiteSpace(key.Key))
            {
                throw new GatewayConfigException(keyPath, "the key is empty");
            }

            if (key.Key.StartsWith(HashPrefix, StringComparison.OrdinalIgnoreCase) && !IsHexHash(key.Key.AsSpan(HashPrefix.Length)))
            {
                throw new GatewayConfigException(keyPath, "a sha256: key must be followed by exactly 64 hex digits (for example `printf %s KEY | sha256sum`)");
            }

            ValidateScopes(key, at);
        }
    }

    private static void ValidateScopes(ApiKeySettings key, string at)
    {
        if (key.Scopes.Count == 0)
        {
            throw new GatewayConfigException(at + ".scopes", $"at least one scope is required ({string.Join(", ", ApiScopes.All)})");
        }

        for (var j = 0; j < key.Scopes.Count; j++)
        {
            if (!ApiScopes.IsKnown(key.Scopes[j]))
            {
                throw new GatewayConfigException($"{at}.scopes[{j}]", $"'{key.Scopes[j]}' is not a scope; expected one of {string.Join(", ", ApiScopes.All)}");
            }
        }
    }

    private static bool IsHexHash(ReadOnlySpan<char> hex)
    {
        if (hex.Length != 64)
        {
            return false;
        }

        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
