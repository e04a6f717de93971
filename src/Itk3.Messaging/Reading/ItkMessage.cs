using Itk3.Fhir.ElementModel;

namespace Itk3.Messaging.Reading;

/// <summary>
/// A typed, tolerant view of a received ITK3 message bundle. It never throws on odd content: absent parts read as
/// null. The header is the first MessageHeader entry, wherever it stands (<see cref="HeaderIsFirst"/> tells).
/// </summary>
public sealed class ItkMessage
{
    /// <summary>Creates a view over a parsed resource (normally a Bundle).</summary>
    public ItkMessage(ElementNode root)
    {
        Root = root;
        Entries = [.. root.ChildrenNamed("entry").Select((e, i) => new ItkEntry(i, e.ChildValue("fullUrl"), e.Child("resource")))];
        HeaderEntry = Entries.FirstOrDefault(e => e.ResourceType == "MessageHeader");
        Header = HeaderEntry is { Resource: { } node } ? new ItkHeader(node, HeaderEntry.Location + ".ofType(MessageHeader)") : null;
        Sender = Resolve(Header?.SenderReference);
        Receiver = Resolve(Header?.ReceiverReference);
        Payload = Resolve(Header?.FocusReference);
        Response = Header is { IsResponse: true } header ? new ItkResponseView(header, Resolve(header.ResponseDetailsReference)) : null;
        var machinery = new[] { HeaderEntry, Sender, Receiver, Response?.Details };
        PayloadEntries = [.. Entries.Where(e => !machinery.Contains(e))];
    }

    /// <summary>The root resource.</summary>
    public ElementNode Root { get; }

    /// <summary>True when the root is a Bundle.</summary>
    public bool IsBundle => Root.ResourceType == "Bundle";

    /// <summary>Bundle.id.</summary>
    public string? BundleId => Root.ChildValue("id");

    /// <summary>Bundle.identifier.value.</summary>
    public string? IdentifierValue => Root.Select("identifier.value")?.Value;

    /// <summary>Bundle.identifier.system (optional in the profile).</summary>
    public string? IdentifierSystem => Root.Select("identifier.system")?.Value;

    /// <summary>Bundle.type.</summary>
    public string? BundleType => Root.ChildValue("type");

    /// <summary>The entries in order.</summary>
    public IReadOnlyList<ItkEntry> Entries { get; }

    /// <summary>The first MessageHeader entry, or null.</summary>
    public ItkEntry? HeaderEntry { get; }

    /// <summary>The header view, or null when there is no MessageHeader.</summary>
    public ItkHeader? Header { get; }

    /// <summary>True when the MessageHeader is the first entry, as the messaging rules require.</summary>
    public bool HeaderIsFirst => HeaderEntry?.Index == 0;

    /// <summary>The id of the message for responses: MessageHeader.id, or null when it cannot be read.</summary>
    public string? MessageId => Header?.Id;

    /// <summary>The entry that <c>MessageHeader.sender</c> resolves to, or null.</summary>
    public ItkEntry? Sender { get; }

    /// <summary>The entry that <c>MessageHeader.receiver</c> resolves to, or null.</summary>
    public ItkEntry? Receiver { get; }

    /// <summary>The payload: the entry <c>MessageHeader.focus</c> resolves to, or null.</summary>
    public ItkEntry? Payload { get; }

    /// <summary>The response view when this is an ITK3 Response, otherwise null.</summary>
    public ItkResponseView? Response { get; }

    /// <summary>The entries that are not header machinery (MessageHeader, sender, receiver, response details): the payload.</summary>
    public IReadOnlyList<ItkEntry> PayloadEntries { get; }

    /// <summary>Resolves a reference against the entries: by fullUrl, then by <c>Type/id</c>; null when nothing matches.</summary>
    public ItkEntry? Resolve(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        foreach (var entry in Entries)
        {
            if (entry.FullUrl == reference || (entry.Resource is { } r && reference == $"{r.ResourceType}/{r.ChildValue("id")}"))
            {
                return entry;
            }
        }

        return null;
    }
}
