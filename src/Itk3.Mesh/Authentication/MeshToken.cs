using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Itk3.Mesh.Authentication;

/// <summary>
/// The NHSMESH authorisation token (MESH.md §4): <c>NHSMESH {mailbox}:{nonce}:{count}:{yyyyMMddHHmm}:{hex HMAC-SHA256}</c>,
/// keyed by the environment's shared secret over <c>{mailbox}:{nonce}:{count}:{password}:{timestamp}</c>.
/// </summary>
public static class MeshToken
{
    /// <summary>The authorisation scheme name, sent before the token value.</summary>
    public const string Scheme = "NHSMESH";

    /// <summary>The UTC timestamp format of the token (12 digits, no seconds).</summary>
    public const string TimestampFormat = "yyyyMMddHHmm";

    /// <summary>Formats <paramref name="utcNow"/> as the token's timestamp part.</summary>
    public static string FormatTimestamp(DateTimeOffset utcNow) =>
        utcNow.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>The lower-case hex HMAC-SHA256 of the token's parts keyed by <paramref name="sharedKey"/>.</summary>
    public static string ComputeHash(
        string mailboxId, string nonce, string nonceCount, string password, string timestamp, string sharedKey)
    {
        var data = Encoding.UTF8.GetBytes($"{mailboxId}:{nonce}:{nonceCount}:{password}:{timestamp}");
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(sharedKey), data);
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>The full header value (scheme, space, five colon-separated parts) for one request.</summary>
    public static string Create(
        string mailboxId, string password, string sharedKey, string nonce, long nonceCount, DateTimeOffset utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailboxId);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(sharedKey);
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        ArgumentOutOfRangeException.ThrowIfNegative(nonceCount);
        var timestamp = FormatTimestamp(utcNow);
        var count = nonceCount.ToString(CultureInfo.InvariantCulture);
        var hash = ComputeHash(mailboxId, nonce, count, password, timestamp, sharedKey);
        return $"{Scheme} {mailboxId}:{nonce}:{count}:{timestamp}:{hash}";
    }
}
