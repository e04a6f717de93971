namespace Itk3.Gateway.Chaos.Faults;

/// <summary>Tells a MESH API v2 request's kind from its method and path.</summary>
internal static class MeshCallClassifier
{
    /// <summary>The kind of <paramref name="method"/> <paramref name="path"/> (path without the query).</summary>
    public static MeshCallKind Classify(string method, string path)
    {
        var parts = path.Trim('/').Split('/');
        if (parts.Length < 2 || !parts[0].Equals("messageexchange", StringComparison.OrdinalIgnoreCase))
        {
            return MeshCallKind.Other;
        }

        if (parts[1] is "endpointlookup" or "workflowsearch")
        {
            return MeshCallKind.Lookup;
        }

        var area = parts.Length > 2 ? parts[2] : string.Empty;
        return (method, area, parts.Length) switch
        {
            ("POST", "", 2) => MeshCallKind.Handshake,
            ("POST", "outbox", 3) => MeshCallKind.Send,
            ("POST", "outbox", _) => MeshCallKind.Chunk,
            ("GET", "outbox", _) => MeshCallKind.Track,
            ("GET", "inbox", 3) => MeshCallKind.Inbox,
            ("GET", "inbox", _) => MeshCallKind.Download,
            ("PUT", "inbox", _) => MeshCallKind.Acknowledge,
            _ => MeshCallKind.Other,
        };
    }
}
