using Itk3.Mesh.Server.Storage;

namespace Itk3.Mesh.Server.Tests.Units;

public sealed class InboxIndexTests
{
    [Fact]
    public void A_page_holds_only_that_mailboxs_accepted_messages_in_sequence_order_and_tells_when_more_follow()
    {
        var index = new InboxIndex();
        foreach (var (id, sequence, mailbox) in new[] { ("C", 3L, "MB1"), ("A", 1L, "MB1"), ("X", 2L, "MB2"), ("B", 2L, "MB1"), ("D", 4L, "MB1") })
        {
            index.Update(Accepted(id, sequence, mailbox));
        }

        var (page, more, total) = index.Page("MB1", 0, _ => true, 2);
        Assert.Equal(["A", "B"], page.Select(m => m.MessageId));
        Assert.True(more);
        Assert.Equal(4, total);

        (page, more, _) = index.Page("MB1", 2, _ => true, 2);
        Assert.Equal(["C", "D"], page.Select(m => m.MessageId));
        Assert.False(more);
        Assert.Empty(index.Page("MB1", 4, _ => true, 2).Page);
        Assert.Equal(["X"], index.Page("MB2", 0, _ => true, 10).Page.Select(m => m.MessageId));
        Assert.Equal(0, index.Count("MB3"));
    }

    [Fact]
    public void A_message_leaves_its_inbox_when_acknowledged_or_deleted_and_the_filter_skips_without_ending_the_page()
    {
        var index = new InboxIndex();
        var messages = Enumerable.Range(1, 6).Select(i => Accepted($"M{i}", i, "MB1", i % 2 == 0 ? "EVEN" : "ODD")).ToList();
        messages.ForEach(index.Update);

        messages[0].Status = MessageStatus.Acknowledged;
        index.Update(messages[0]);
        index.Remove("M3");

        Assert.Equal(4, index.Count("MB1"));
        var (page, more, total) = index.Page("MB1", 0, m => m.WorkflowId == "ODD", 10);
        Assert.Equal(["M5"], page.Select(m => m.MessageId));
        Assert.False(more);
        Assert.Equal(4, total);
        Assert.Equal(["M2", "M4"], index.Page("MB1", 0, m => m.WorkflowId == "EVEN", 2).Page.Select(m => m.MessageId));
        Assert.True(index.Page("MB1", 0, m => m.WorkflowId == "EVEN", 2).More);
    }

    [Fact]
    public void A_message_changed_in_place_but_not_yet_updated_is_not_listed()
    {
        var index = new InboxIndex();
        var message = Accepted("M1", 1, "MB1");
        index.Update(message);

        message.Status = MessageStatus.Acknowledged;

        Assert.Empty(index.Page("MB1", 0, _ => true, 10).Page);
    }

    private static StoredMessage Accepted(string id, long sequence, string mailbox, string workflow = "W") => new()
    {
        MessageId = id,
        Sequence = sequence,
        Recipient = mailbox,
        WorkflowId = workflow,
        Status = MessageStatus.Accepted,
    };
}
