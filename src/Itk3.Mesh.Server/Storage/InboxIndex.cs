namespace Itk3.Mesh.Server.Storage;

/// <summary>
/// The delivered, unacknowledged messages of each mailbox in delivery order, kept beside the store's message table
/// (updated with every visible change, rebuilt by the journal replay), so that listing or counting one inbox costs that
/// inbox's page, not a scan of every stored message.
/// </summary>
internal sealed class InboxIndex
{
    private static readonly Comparer<Entry> BySequence = Comparer<Entry>.Create((a, b) =>
    {
        var order = a.Sequence.CompareTo(b.Sequence);
        return order != 0 ? order : string.CompareOrdinal(a.Message.MessageId, b.Message.MessageId);
    });

    /// <summary>Sorts before every message of the same sequence: the lower bound of a page's range.</summary>
    private static readonly StoredMessage Sentinel = new() { MessageId = "" };

    private readonly Dictionary<string, SortedSet<Entry>> _inboxes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Mailbox, Entry Entry)> _placed = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <summary>True when <paramref name="message"/> belongs in its recipient's inbox.</summary>
    public static bool IsInInbox(StoredMessage message) => message.Status == MessageStatus.Accepted && message.Recipient is not null;

    /// <summary>Puts the message where its current state says (its inbox or none), replacing where it was.</summary>
    public void Update(StoredMessage message)
    {
        lock (_lock)
        {
            RemoveLocked(message.MessageId);
            if (IsInInbox(message))
            {
                var entry = new Entry(message.Sequence, message);
                if (!_inboxes.TryGetValue(message.Recipient!, out var inbox))
                {
                    _inboxes[message.Recipient!] = inbox = new SortedSet<Entry>(BySequence);
                }

                inbox.Add(entry);
                _placed[message.MessageId] = (message.Recipient!, entry);
            }
        }
    }

    /// <summary>Takes a message out of its inbox (deleted).</summary>
    public void Remove(string messageId)
    {
        lock (_lock)
        {
            RemoveLocked(messageId);
        }
    }

    /// <summary>How many messages wait in <paramref name="mailbox"/>'s inbox.</summary>
    public int Count(string mailbox)
    {
        lock (_lock)
        {
            return _inboxes.TryGetValue(mailbox, out var inbox) ? inbox.Count : 0;
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> messages of the inbox after sequence <paramref name="after"/> that match the filter,
    /// oldest first; <c>More</c> tells whether a further match follows; <c>Total</c> is the whole inbox's size.
    /// </summary>
    public (List<StoredMessage> Page, bool More, int Total) Page(string mailbox, long after, Func<StoredMessage, bool> filter, int max)
    {
        var page = new List<StoredMessage>(Math.Min(max, 64));
        lock (_lock)
        {
            if (!_inboxes.TryGetValue(mailbox, out var inbox) || inbox.Count == 0 || after >= inbox.Max!.Sequence)
            {
                return (page, false, inbox?.Count ?? 0);
            }

            var from = new Entry(after, Sentinel);
            foreach (var entry in inbox.GetViewBetween(from, inbox.Max))
            {
                // A message changed in place but not yet re-indexed (an acknowledgement being saved) is skipped.
                if (entry.Sequence <= after || !IsInInbox(entry.Message) || !filter(entry.Message))
                {
                    continue;
                }

                if (page.Count == max)
                {
                    return (page, true, inbox.Count);
                }

                page.Add(entry.Message);
            }

            return (page, false, inbox.Count);
        }
    }

    private void RemoveLocked(string messageId)
    {
        if (_placed.Remove(messageId, out var placed) && _inboxes.TryGetValue(placed.Mailbox, out var inbox))
        {
            inbox.Remove(placed.Entry);
            if (inbox.Count == 0)
            {
                _inboxes.Remove(placed.Mailbox);
            }
        }
    }

    private sealed record Entry(long Sequence, StoredMessage Message);
}
