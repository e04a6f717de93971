using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>20007: a MessageHeader id already processed; 20008: a document (document Bundle.id) already processed.</summary>
internal sealed class DuplicateRule : IMessageRule
{
    public string Name => "duplicates";

    public void Check(ValidationContext context)
    {
        if (context.Message is not { Header: { } header } message)
        {
            return;
        }

        var settings = context.Profile.Duplicates;
        if (settings.Messages && header.Id is { } id && context.History.IsDuplicateMessage(id))
        {
            context.Report(ResponseCodes.DuplicateMessage, header.Location + ".id", header.Node.Child("id"), "A message with this MessageHeader id was already received.");
            return;
        }

        if (settings.Documents && !header.IsResponse && message.Payload is { Resource: { } payload } entry
            && payload.ResourceType == "Bundle" && payload.ChildValue("type") == "document"
            && payload.ChildValue("id") is { } documentId && context.History.IsDuplicateDocument(documentId))
        {
            context.Report(ResponseCodes.DuplicateDocument, entry.Location + ".ofType(Bundle).id", payload.Child("id"), "A document with this id was already received.");
        }
    }
}
