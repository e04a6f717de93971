namespace Itk3.Mesh.Authentication;

/// <summary>
/// Adds a fresh NHSMESH token (new nonce, current UTC minute) to every request, so retried and chunked requests
/// never reuse a token (MESH.md §4). Requests marked with <see cref="Anonymous"/> (endpoint lookup, workflow search)
/// go without one.
/// </summary>
public sealed class MeshAuthenticationHandler : DelegatingHandler
{
    /// <summary>Request option that suppresses the token for endpoints that need none.</summary>
    public static readonly HttpRequestOptionsKey<bool> Anonymous = new("Itk3.Mesh.Anonymous");

    private readonly string _mailboxId;
    private readonly string _password;
    private readonly string _sharedKey;
    private readonly Func<string> _nonceSource;
    private readonly TimeProvider _time;

    /// <summary>Creates the handler for one mailbox.</summary>
    public MeshAuthenticationHandler(MeshClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _mailboxId = options.NormalizedMailboxId;
        _password = options.Password;
        _sharedKey = options.SharedKey;
        _nonceSource = options.NonceSource;
        _time = options.TimeProvider;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("Authorization");
        if (!request.Options.TryGetValue(Anonymous, out var anonymous) || !anonymous)
        {
            var token = MeshToken.Create(_mailboxId, _password, _sharedKey, _nonceSource(), 0, _time.GetUtcNow()).ToString();
            request.Headers.TryAddWithoutValidation("Authorization", token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
