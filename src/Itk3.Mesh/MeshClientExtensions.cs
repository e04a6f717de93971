using System.Runtime.CompilerServices;
using Itk3.Mesh.Models;

namespace Itk3.Mesh;

/// <summary>Conveniences over <see cref="IMeshClient"/>.</summary>
public static class MeshClientExtensions
{
    /// <summary>Every message ID in the inbox, following <c>links.next</c> page after page (MESH.md §10).</summary>
    public static async IAsyncEnumerable<string> EnumerateInboxAsync(
        this IMeshClient client, InboxQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.ListInboxAsync(query, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            foreach (var id in page.MessageIds)
            {
                yield return id;
            }

            if (page.NextLink is null)
            {
                yield break;
            }

            page = await client.ListInboxNextAsync(page.NextLink, cancellationToken).ConfigureAwait(false);
        }
    }
}
