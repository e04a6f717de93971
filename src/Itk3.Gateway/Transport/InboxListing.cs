namespace Itk3.Gateway.Transport;

/// <summary>One page of waiting message ids.</summary>
/// <param name="MessageIds">The ids, oldest first.</param>
/// <param name="MoreWaiting">Whether more messages wait beyond this page (re-poll at once).</param>
public sealed record InboxListing(IReadOnlyList<string> MessageIds, bool MoreWaiting);
