namespace Itk3.Mesh.Http;

/// <summary>
/// Resolves an inbox page's <c>links.next</c> (a path without the host, MESH.md §10) to a request path, refusing
/// anything outside this mailbox's inbox so the token is never sent elsewhere.
/// </summary>
internal static class InboxLinks
{
    /// <summary>The path (with query) to request; throws <see cref="ArgumentException"/> for a foreign link.</summary>
    public static string ToPath(string nextLink, string baseUrl, string inboxPath)
    {
        var link = nextLink.Trim();
        if (link.StartsWith(baseUrl, StringComparison.OrdinalIgnoreCase))
        {
            link = link[baseUrl.Length..];
        }
        else if (Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme != Uri.UriSchemeFile)
        {
            throw new ArgumentException("The next link points to another server.", nameof(nextLink));
        }

        var pathEnd = link.IndexOf('?', StringComparison.Ordinal);
        var path = pathEnd < 0 ? link : link[..pathEnd];
        if (!path.Equals(inboxPath, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("The next link is not this mailbox's inbox.", nameof(nextLink));
        }

        return link;
    }
}
