namespace Itk3.Mesh.Models;

/// <summary>
/// One page of inbox message IDs, oldest first; <paramref name="NextLink"/> is the server's <c>links.next</c> path
/// (null on the last page) and <paramref name="ApproxInboxCount"/> the server's approximate total.
/// </summary>
public sealed record InboxPage(IReadOnlyList<string> MessageIds, string? NextLink, int? ApproxInboxCount)
{
    /// <summary>True when another page can be fetched with <see cref="IMeshClient.ListInboxNextAsync"/>.</summary>
    public bool HasMore => NextLink is not null;
}
