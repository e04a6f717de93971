using Itk3.Messaging.Reading;

namespace Itk3.Messaging.Correlation;

/// <summary>An in-memory sender-side tracker: records sent messages, correlates responses and reports states on an injected clock.</summary>
public sealed class TransactionTracker(TimeProvider clock, CorrelationOptions? options = null)
{
    private readonly CorrelationOptions _options = options ?? new CorrelationOptions();
    private readonly Dictionary<string, SentMessage> _sent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ReceivedResponse>> _responses = new(StringComparer.Ordinal);

    /// <summary>Starts tracking a sent message.</summary>
    public void Track(SentMessage sent)
    {
        _sent[sent.MessageHeaderId] = sent;
        _responses[sent.MessageHeaderId] = [];
    }

    /// <summary>Records a received response against the message it answers; returns how it matched.</summary>
    public CorrelationMatch Receive(ItkMessage response)
    {
        var (sent, match) = ResponseCorrelator.Match(response, _sent.Values);
        if (sent is not null && ResponseCorrelator.Describe(response, clock.GetUtcNow()) is { } received)
        {
            _responses[sent.MessageHeaderId].Add(received);
        }

        return sent is null ? CorrelationMatch.None : match;
    }

    /// <summary>The status of a tracked message now; throws <see cref="KeyNotFoundException"/> for untracked ids.</summary>
    public TransactionStatus StatusOf(string messageHeaderId) =>
        TransactionEvaluator.Evaluate(_sent[messageHeaderId], _responses[messageHeaderId], clock.GetUtcNow(), _options);
}
