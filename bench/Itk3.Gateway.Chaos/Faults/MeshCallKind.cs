namespace Itk3.Gateway.Chaos.Faults;

/// <summary>The kinds of MESH API call the proxy tells apart (each can be faulted).</summary>
internal enum MeshCallKind
{
    /// <summary>POST /messageexchange/{mailbox}.</summary>
    Handshake,

    /// <summary>POST .../outbox (the first or only chunk).</summary>
    Send,

    /// <summary>POST .../outbox/{id}/{n} (a further chunk).</summary>
    Chunk,

    /// <summary>GET .../inbox (the listing).</summary>
    Inbox,

    /// <summary>GET .../inbox/{id}[/{n}].</summary>
    Download,

    /// <summary>PUT .../inbox/{id}/status/acknowledged.</summary>
    Acknowledge,

    /// <summary>GET .../outbox/tracking.</summary>
    Track,

    /// <summary>GET /messageexchange/endpointlookup or workflowsearch.</summary>
    Lookup,

    /// <summary>Anything else.</summary>
    Other,
}
