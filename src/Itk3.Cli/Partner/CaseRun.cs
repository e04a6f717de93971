using Itk3.Messaging.Reading;

namespace Itk3.Cli.Partner;

/// <summary>One suite case as it ran: when it was sent and the responses that came back, in arrival order.</summary>
internal sealed class CaseRun(SuiteCase suiteCase)
{
    /// <summary>The case.</summary>
    public SuiteCase Case { get; } = suiteCase;

    /// <summary>When it was sent; null until then.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The MESH message id MESH gave it.</summary>
    public string? MeshMessageId { get; set; }

    /// <summary>The responses received for it.</summary>
    public List<ReceivedResponse> Responses { get; } = [];
}

/// <summary>A response the sending partner received: the message, its MESH workflow, when it arrived and the bytes (for the structure check).</summary>
internal sealed record ReceivedResponse(ItkMessage Message, string? WorkflowId, DateTimeOffset ReceivedAt, byte[] Content);
