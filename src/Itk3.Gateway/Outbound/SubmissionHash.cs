using System.Security.Cryptography;
using System.Text;
using Itk3.Gateway.Application;

namespace Itk3.Gateway.Outbound;

/// <summary>The fingerprint of a submission (payload bytes, format, recipient, flow, reference) that makes a caller's transaction id truly idempotent.</summary>
internal static class SubmissionHash
{
    /// <summary>The lower-case hex SHA-256 of the request's fields (length-prefixed, so no two requests collide by concatenation) and payload.</summary>
    public static string Of(SubmitRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var field in new[] { request.Flow, request.RecipientKind.ToString(), request.Recipient.Trim().ToUpperInvariant(), request.SenderReference ?? "", request.Format?.ToUpperInvariant() ?? "" })
        {
            var bytes = Encoding.UTF8.GetBytes(field);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        hash.AppendData(request.Payload.Span);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
