namespace Itk3.Mesh.Server;

/// <summary>A REPORT to put into a mailbox's inbox (admin/test use), like the sandbox's <c>POST /messageexchange/admin/report</c>.</summary>
public sealed record MeshReportRequest
{
    /// <summary>The mailbox whose inbox receives the REPORT (normally the sender of the failed message).</summary>
    public required string MailboxId { get; init; }

    /// <summary>The workflow ID copied from the failed message.</summary>
    public string WorkflowId { get; init; } = "";

    /// <summary>The failed message's ID (<c>mex-LinkedMsgID</c>), if any.</summary>
    public string? LinkedMessageId { get; init; }

    /// <summary>The MESH status code, e.g. <c>14</c> or <c>EPL-153</c> (<c>mex-StatusCode</c>).</summary>
    public string? Code { get; init; }

    /// <summary>The status description (<c>mex-StatusDescription</c>).</summary>
    public string? Description { get; init; }

    /// <summary>The status event, e.g. <c>TRANSFER</c> or <c>SEND</c> (<c>mex-StatusEvent</c>).</summary>
    public string? Event { get; init; }

    /// <summary>The local ID copied from the failed message.</summary>
    public string? LocalId { get; init; }

    /// <summary>The subject copied from the failed message.</summary>
    public string? Subject { get; init; }

    /// <summary>The file name copied from the failed message.</summary>
    public string? FileName { get; init; }
}
