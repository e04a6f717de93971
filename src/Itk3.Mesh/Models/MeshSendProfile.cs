namespace Itk3.Mesh.Models;

/// <summary>
/// How messages to one recipient and/or workflow are sent: some recipients refuse transport compression, and the MESH UI
/// and some older clients cannot take chunked messages (MESH.md §17). Unset fields leave the client's default.
/// </summary>
public sealed record MeshSendProfile
{
    /// <summary>The recipient mailbox this profile applies to (case-insensitive); null for any recipient.</summary>
    public string? Recipient { get; init; }

    /// <summary>The workflow ID this profile applies to (case-insensitive); null for any workflow.</summary>
    public string? WorkflowId { get; init; }

    /// <summary>Gzip each chunk for transport; null leaves the request's or client's choice.</summary>
    public bool? Compress { get; init; }

    /// <summary>False sends every message as one request (refused by the client above the single-request limit).</summary>
    public bool? Chunk { get; init; }

    /// <summary>Chunk size in bytes for matching messages.</summary>
    public int? ChunkSize { get; init; }

    /// <summary>How specific the match is: 3 recipient and workflow, 2 recipient, 1 workflow, 0 catch-all, -1 no match.</summary>
    public int Specificity(string recipient, string workflowId)
    {
        var recipientMatch = Recipient is null || string.Equals(Recipient.Trim(), recipient.Trim(), StringComparison.OrdinalIgnoreCase);
        var workflowMatch = WorkflowId is null || string.Equals(WorkflowId.Trim(), workflowId.Trim(), StringComparison.OrdinalIgnoreCase);
        if (!recipientMatch || !workflowMatch)
        {
            return -1;
        }

        return (Recipient is null ? 0 : 2) + (WorkflowId is null ? 0 : 1);
    }

    /// <summary>The most specific profile matching a recipient and workflow, or null (the first wins a tie).</summary>
    public static MeshSendProfile? Find(IEnumerable<MeshSendProfile>? profiles, string recipient, string workflowId)
    {
        MeshSendProfile? best = null;
        var bestScore = -1;
        foreach (var profile in profiles ?? [])
        {
            var score = profile.Specificity(recipient, workflowId);
            if (score > bestScore)
            {
                (best, bestScore) = (profile, score);
            }
        }

        return best;
    }
}
