using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Itk3.Mesh.Authentication;

/// <summary>
/// The NHSMESH authorization token: <c>NHSMESH {mailbox}:{nonce}:{nonce_count}:{yyyyMMddHHmm}:{hex HMAC-SHA256}</c>,
/// keyed with the environment's shared secret over <c>{mailbox}:{nonce}:{nonce_count}:{password}:{timestamp}</c>.
/// </summary>
/// <param name="MailboxId">The mailbox the token authenticates (upper case by convention).</param>
/// <param name="Nonce">A value unique per token, normally a GUID.</param>
/// <param name="NonceCount">A decimal counter; together with the nonce it makes the token unique.</param>
/// <param name="Timestamp">The UTC time the token was made, as the 12 digits <c>yyyyMMddHHmm</c>.</param>
/// <param name="Hash">The lower-case hex HMAC-SHA256 of the token fields and the mailbox password.</param>
public sealed record MeshToken(string MailboxId, string Nonce, string NonceCount, string Timestamp, string Hash)
{
    /// <summary>The authorization scheme name, followed by one space in the header value.</summary>
    public const string Scheme = "NHSMESH";

    /// <summary>The format of <see cref="Timestamp"/>.</summary>
    public const string TimestampFormat = "yyyyMMddHHmm";

    /// <summary>Creates a token for a mailbox at the given time.</summary>
    public static MeshToken Create(
        string mailboxId, string password, string sharedKey, string nonce, long nonceCount, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailboxId);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(sharedKey);
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        ArgumentOutOfRangeException.ThrowIfNegative(nonceCount);
        var timestamp = FormatTimestamp(now);
        var count = nonceCount.ToString(CultureInfo.InvariantCulture);
        return new MeshToken(mailboxId, nonce, count, timestamp, ComputeHash(sharedKey, mailboxId, nonce, count, password, timestamp));
    }

    /// <summary>Formats a time as the token timestamp (UTC, <c>yyyyMMddHHmm</c>, invariant culture).</summary>
    public static string FormatTimestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>Computes the lower-case hex HMAC-SHA256 of <c>{mailbox}:{nonce}:{count}:{password}:{timestamp}</c>.</summary>
    public static string ComputeHash(
        string sharedKey, string mailboxId, string nonce, string nonceCount, string password, string timestamp)
    {
        var data = Encoding.UTF8.GetBytes($"{mailboxId}:{nonce}:{nonceCount}:{password}:{timestamp}");
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(sharedKey), data);
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>Parses an <c>Authorization</c> header value; false when it is not a well-formed NHSMESH token.</summary>
    public static bool TryParse(string? headerValue, out MeshToken? token)
    {
        token = null;
        if (headerValue is null || !headerValue.StartsWith(Scheme + " ", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = headerValue[(Scheme.Length + 1)..].Split(':');
        if (parts.Length != 5 || Array.Exists(parts, p => p.Length == 0))
        {
            return false;
        }

        if (!parts[2].All(char.IsAsciiDigit) || !IsTimestamp(parts[3]))
        {
            return false;
        }

        token = new MeshToken(parts[0], parts[1], parts[2], parts[3], parts[4]);
        return true;
    }

    /// <summary>The time in <see cref="Timestamp"/>, or null when it is not a valid <c>yyyyMMddHHmm</c> UTC time.</summary>
    public DateTimeOffset? ParseTimestamp() =>
        DateTimeOffset.TryParseExact(Timestamp, TimestampFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;

    /// <summary>True when the hash matches the shared key and password (constant-time, hex case ignored).</summary>
    public bool Verify(string sharedKey, string password)
    {
        var expected = ComputeHash(sharedKey, MailboxId, Nonce, NonceCount, password, Timestamp);
        var actual = Hash.ToLowerInvariant();
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));
    }

    /// <summary>The <c>Authorization</c> header value: <c>NHSMESH mailbox:nonce:count:timestamp:hash</c>.</summary>
    public override string ToString() => $"{Scheme} {MailboxId}:{Nonce}:{NonceCount}:{Timestamp}:{Hash}";

    private static bool IsTimestamp(string value) => value.Length == 12 && value.All(char.IsAsciiDigit);
}
