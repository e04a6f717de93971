using Itk3.Messaging.Reading;

namespace Itk3.Messaging.Correlation;

/// <summary>
/// Matches received ITK3 Responses to sent messages on <c>response.identifier</c>: the MessageHeader id first, then,
/// tolerating senders that answer with other ids (§19 item 1), the Bundle identifier and the Bundle id.
/// </summary>
public static class ResponseCorrelator
{
    /// <summary>The sent message a response answers and how it matched; (null, None) when none does.</summary>
    public static (SentMessage? Sent, CorrelationMatch Match) Match(ItkMessage response, IEnumerable<SentMessage> sent)
    {
        var target = response.Response?.RespondsTo;
        if (string.IsNullOrEmpty(target))
        {
            return (null, CorrelationMatch.None);
        }

        var candidates = sent as IReadOnlyCollection<SentMessage> ?? [.. sent];
        if (candidates.FirstOrDefault(s => s.MessageHeaderId == target) is { } byHeader)
        {
            return (byHeader, CorrelationMatch.MessageHeaderId);
        }

        if (candidates.FirstOrDefault(s => s.BundleIdentifier == target) is { } byIdentifier)
        {
            return (byIdentifier, CorrelationMatch.BundleIdentifier);
        }

        return candidates.FirstOrDefault(s => s.BundleId == target) is { } byId ? (byId, CorrelationMatch.BundleId) : (null, CorrelationMatch.None);
    }

    /// <summary>The response as a <see cref="ReceivedResponse"/>, or null when it carries no readable ITK code.</summary>
    public static ReceivedResponse? Describe(ItkMessage response, DateTimeOffset receivedAt) =>
        response.Response is { Level: { } level } view ? new ReceivedResponse(view.Code, level, view.IsPositive, receivedAt) : null;
}
