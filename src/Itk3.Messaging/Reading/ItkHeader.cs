using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Reading;

/// <summary>A typed view over a received MessageHeader; every accessor tolerates absence.</summary>
public sealed record ItkHeader(ElementNode Node, string Location)
{
    private ItkHandling? _handling;

    /// <summary>MessageHeader.id, the identifier responses point back to.</summary>
    public string? Id => Node.ChildValue("id");

    /// <summary>The declared profiles (may be empty: meta.profile is not required).</summary>
    public IReadOnlyList<string> Profiles => [.. (Node.Child("meta")?.ChildrenNamed("profile") ?? []).Select(p => p.Value ?? string.Empty)];

    /// <summary>True when the header declares the obsolete ITK-MessageHeader-1 profile or carries its key/value handling extension.</summary>
    public bool IsObsoleteHeader1 =>
        Profiles.Contains(ItkUrls.MessageHeader1) || Node.ChildrenNamed("extension").Any(e => e.ChildValue("url") == ItkUrls.MessageHandling1);

    /// <summary>The handling extensions (Extension-ITK-MessageHandling-2); exactly one is expected.</summary>
    public IReadOnlyList<ElementNode> HandlingExtensions { get; } = [.. Node.ChildrenNamed("extension").Where(e => e.ChildValue("url") == ItkUrls.MessageHandling2)];

    /// <summary>The handling specification view, or null when the extension is absent.</summary>
    public ItkHandling? Handling => _handling ??= HandlingExtensions.Count == 0 ? null : new ItkHandling(HandlingExtensions[0], [.. HandlingExtensions[0].ChildrenNamed("extension")]);

    /// <summary>event.system.</summary>
    public string? EventSystem => Node.Select("event.system")?.Value;

    /// <summary>event.code.</summary>
    public string? EventCode => Node.Select("event.code")?.Value;

    /// <summary>sender.reference.</summary>
    public string? SenderReference => Node.Select("sender.reference")?.Value;

    /// <summary>receiver.reference.</summary>
    public string? ReceiverReference => Node.Select("receiver.reference")?.Value;

    /// <summary>timestamp as written.</summary>
    public string? Timestamp => Node.ChildValue("timestamp");

    /// <summary>source.endpoint: the sender's MESH mailbox id.</summary>
    public string? SourceEndpoint => Node.Select("source.endpoint")?.Value;

    /// <summary>focus.reference.</summary>
    public string? FocusReference => Node.Select("focus.reference")?.Value;

    /// <summary>True when the header carries a <c>response</c> (an ITK3 Response).</summary>
    public bool IsResponse => Node.Child("response") is not null;

    /// <summary>response.identifier: the id of the message answered.</summary>
    public string? ResponseIdentifier => Node.Select("response.identifier")?.Value;

    /// <summary>response.code: ok, transient-error or fatal-error.</summary>
    public string? ResponseCode => Node.Select("response.code")?.Value;

    /// <summary>response.details.reference.</summary>
    public string? ResponseDetailsReference => Node.Select("response.details.reference")?.Value;
}
