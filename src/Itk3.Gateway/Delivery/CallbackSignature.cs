using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Itk3.Gateway.Delivery;

/// <summary>
/// The signature on every callback: <c>X-Itk3-Timestamp</c> (Unix seconds) and <c>X-Itk3-Signature: v1=</c> followed by the
/// lower-case hex HMAC-SHA256, keyed with the application's secret (UTF-8), of the timestamp, <c>.</c> and the exact body bytes.
/// </summary>
public static class CallbackSignature
{
    /// <summary>The header carrying the signing time in Unix seconds.</summary>
    public const string TimestampHeader = "X-Itk3-Timestamp";

    /// <summary>The header carrying <c>v1=</c> and the hex HMAC-SHA256.</summary>
    public const string SignatureHeader = "X-Itk3-Signature";

    /// <summary>The scheme prefix of the signature value.</summary>
    public const string Version = "v1=";

    private const int PieceBytes = 64 * 1024;

    /// <summary>The signature header value for a body signed at <paramref name="unixSeconds"/>.</summary>
    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        using var hmac = Start(secret, unixSeconds);
        hmac.AppendData(body);
        return Version + Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>The signature header value for the body that is the rest of <paramref name="body"/>, read a piece at a time (a first
    /// pass: the stream is put back where it was, so the same bytes can then be sent).</summary>
    public static async Task<string> SignAsync(string secret, long unixSeconds, Stream body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var hmac = Start(secret, unixSeconds);
        var start = body.Position;
        var buffer = ArrayPool<byte>.Shared.Rent(PieceBytes);
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(0, PieceBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                hmac.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        body.Position = start;
        return Version + Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    private static IncrementalHash Start(string secret, long unixSeconds)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.ASCII.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + "."));
        return hmac;
    }

    /// <summary>
    /// True when <paramref name="signature"/> is the right one for the body and <paramref name="timestamp"/> is within
    /// <paramref name="tolerance"/> of <paramref name="now"/> (refuse replays of old callbacks); compared in constant time.
    /// </summary>
    public static bool Verify(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || signature is null
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, seconds, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.Trim()));
    }
}
