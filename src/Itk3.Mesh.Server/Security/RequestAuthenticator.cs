using Itk3.Mesh.Authentication;
using Itk3.Mesh.Server.Configuration;
using Itk3.Mesh.Server.Protocol;

namespace Itk3.Mesh.Server.Security;

/// <summary>
/// Checks the NHSMESH token strictly (MESH.md §4): well formed, same mailbox as the path, known mailbox, valid HMAC,
/// timestamp within the window of server time, and never seen before.
/// </summary>
internal sealed class RequestAuthenticator(MeshServerConfig config, TimeProvider time, TokenReplayCache replay)
{
    /// <summary>The authenticated mailbox, or the error to answer with.</summary>
    public (MeshMailboxConfig? Mailbox, MeshError? Error) Authenticate(string? authorization, string pathMailbox)
    {
        if (!MeshToken.TryParse(authorization, out var token))
        {
            return (null, MeshError.AuthHeaderUnreadable);
        }

        // Like the sandbox, the path is upper-cased but the token is not: a lower-case token never matches.
        if (!string.Equals(token!.MailboxId, pathMailbox.ToUpperInvariant(), StringComparison.Ordinal))
        {
            return (null, MeshError.MailboxMismatch);
        }

        var mailbox = config.FindMailbox(token.MailboxId);
        if (mailbox is null)
        {
            return (null, MeshError.NoMailboxMatched);
        }

        if (!token.Verify(config.SharedKey, mailbox.Password))
        {
            return (null, MeshError.InvalidToken);
        }

        if (mailbox.Disabled)
        {
            return (null, MeshError.MailboxDisabled);
        }

        var window = TimeSpan.FromMinutes(config.Limits.TokenWindowMinutes);
        var now = time.GetUtcNow();
        var stamp = token.ParseTimestamp();
        if (stamp is null || (now - stamp.Value).Duration() > window)
        {
            return (null, MeshError.TokenExpired);
        }

        var key = $"{token.MailboxId}:{token.Nonce}:{token.NonceCount}";
        return replay.TryUse(key, stamp.Value, now - window - window) ? (mailbox, null) : (null, MeshError.TokenReused);
    }
}
