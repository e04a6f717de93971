using System.Security.Cryptography;
using System.Text;
using Itk3.Gateway.Configuration;

namespace Itk3.Gateway.Api.Security;

/// <summary>Finds the configured key a presented API key matches, comparing SHA-256 hashes in constant time.</summary>
public sealed class ApiKeyVerifier
{
    private const string HashPrefix = "sha256:";
    private readonly (byte[] Hash, ApiKeySettings Key)[] _keys;

    /// <summary>Hashes the configured keys (plain keys, or <c>sha256:</c> hex hashes taken as they are); empty keys are ignored.</summary>
    public ApiKeyVerifier(IEnumerable<ApiKeySettings> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = [.. keys.Where(k => !string.IsNullOrWhiteSpace(k.Key)).Select(k => (HashOfConfigured(k.Key), k))];
    }

    /// <summary>The SHA-256 hash of a key, as <c>sha256:</c> and lower-case hex (the form to put in the configuration).</summary>
    public static string Describe(string key) => HashPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Whether a key named <paramref name="name"/> is still configured (a dashboard session ends when its key is removed).</summary>
    public bool KnowsName(string? name) => name is not null && _keys.Any(k => string.Equals(k.Key.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The configured key <paramref name="presented"/> matches, or null; every configured hash is compared, so the time does not depend on which matched.</summary>
    public ApiKeySettings? Find(string? presented)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 512)
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        ApiKeySettings? match = null;
        foreach (var (expected, key) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, expected))
            {
                match ??= key;
            }
        }

        return match;
    }

    private static byte[] HashOfConfigured(string key)
    {
        if (key.StartsWith(HashPrefix, StringComparison.OrdinalIgnoreCase) && key.Length == HashPrefix.Length + 64)
        {
            return Convert.FromHexString(key.AsSpan(HashPrefix.Length));
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }
}
