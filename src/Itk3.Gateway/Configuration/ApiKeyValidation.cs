namespace Itk3.Gateway.Configuration;

/// <summary>Checks the <c>apiKeys</c> entries of a configuration; every error names the entry's JSON path.</summary>
internal static class ApiKeyValidation
{
    private const string HashPrefix = "sha256:";

    /// <summary>Gives each deprecated plain-string key the name <c>key-N</c> (its position, from 1).</summary>
    public static IReadOnlyList<ApiKeySettings> NameLegacyKeys(IReadOnlyList<ApiKeySettings> keys) =>
        [.. keys.Select((k, i) => k.IsLegacy && k.Name.Length == 0 ? k with { Name = $"key-{i + 1}" } : k)];

    /// <summary>Adds an error for each empty name or key, malformed hash, unknown or missing scope, or repeated name.</summary>
    public static void Validate(IReadOnlyList<ApiKeySettings> keys, List<GatewayConfigError> errors)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < keys.Count; i++)
        {
            var at = $"$.apiKeys[{i}]";
            var key = keys[i];
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                errors.Add(new GatewayConfigError(at + ".name", "is required (who holds the key; recorded on every action it takes)"));
            }
            else if (!names.Add(key.Name))
            {
                errors.Add(new GatewayConfigError(at + ".name", $"'{key.Name}' is already the name of another key"));
            }

            var keyPath = key.IsLegacy ? at : at + ".key";
            if (string.IsNullOrWhiteSpace(key.Key))
            {
                errors.Add(new GatewayConfigError(keyPath, "the key is empty"));
            }

            if (key.Key.StartsWith(HashPrefix, StringComparison.OrdinalIgnoreCase) && !IsHexHash(key.Key.AsSpan(HashPrefix.Length)))
            {
                errors.Add(new GatewayConfigError(keyPath, "a sha256: key must be followed by exactly 64 hex digits (for example `printf %s KEY | sha256sum`)"));
            }

            ValidateScopes(key, at, errors);
        }
    }

    private static void ValidateScopes(ApiKeySettings key, string at, List<GatewayConfigError> errors)
    {
        if (key.Scopes.Count == 0)
        {
            errors.Add(new GatewayConfigError(at + ".scopes", $"at least one scope is required ({string.Join(", ", ApiScopes.All)})"));
        }

        for (var j = 0; j < key.Scopes.Count; j++)
        {
            if (!ApiScopes.IsKnown(key.Scopes[j]))
            {
                errors.Add(new GatewayConfigError($"{at}.scopes[{j}]", $"'{key.Scopes[j]}' is not a scope; expected one of {string.Join(", ", ApiScopes.All)}"));
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
