using System.Security.Cryptography;
using System.Text;

namespace Itk3.Gateway.Api.Security;

/// <summary>Checks a presented API key against the configured ones by comparing SHA-256 hashes in constant time.</summary>
internal sealed class ApiKeyVerifier
{
    private const string HashPrefix = "sha256:";
    private readonly byte[][] _hashes;

    /// <summary>Hashes the configured keys (plain keys, or <c>sha256:</c> hex hashes taken as they are).</summary>
    public ApiKeyVerifier(IEnumerable<string> keys)
    {
        _hashes = [.. keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(HashOfConfigured)];
    }

    /// <summary>The SHA-256 hash of a key, as <c>sha256:</c> and lower-case hex (the form to put in the configuration).</summary>
    public static string Describe(string key) => HashPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Whether <paramref name="presented"/> matches one of the configured keys; every configured hash is compared, so the time does not depend on which matched.</summary>
    public bool IsValid(string? presented)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 512)
        {
            return false;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var match = false;
        foreach (var expected in _hashes)
        {
            match |= CryptographicOperations.FixedTimeEquals(hash, expected);
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
