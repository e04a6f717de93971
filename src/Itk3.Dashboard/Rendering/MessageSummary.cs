using Itk3.Messaging.Reading;

namespace Itk3.Dashboard.Rendering;

/// <summary>The ITK3 header of a stored message summarised: MessageHeader, handling specification, and for a response its codes explained and the receiver's diagnostics.</summary>
internal static class MessageSummary
{
    /// <summary>The header facts, or a note that the bytes are not a readable ITK3 message.</summary>
    public static void Render(Html html, ReadOutcome read)
    {
        if (read.Message?.Header is not { } header)
        {
            html.Element("p", "Not a readable ITK3 message (no MessageHeader); the raw content is below.", "class=\"notice error\"");
            return;
        }

        html.Raw("<dl class=\"facts\">");
        Fact(html, "MessageHeader id", header.Id);
        Fact(html, "Event", header.EventCode);
        Fact(html, "Timestamp", header.Timestamp);
        Fact(html, "Sender", header.SenderReference);
        Fact(html, "Receiver", header.ReceiverReference);
        Fact(html, "Source endpoint", header.SourceEndpoint);
        Fact(html, "Bundle identifier", read.Message.IdentifierValue);
        Fact(html, "Format", read.Format?.ToString());
        html.Raw("</dl>");
        Handling(html, header.Handling);
        if (read.Message.Response is { } response)
        {
            Response(html, response);
        }
    }

    /// <summary>The handling specification's keys as facts.</summary>
    public static void Handling(Html html, ItkHandling? handling)
    {
        html.Element("h3", "Handling specification");
        if (handling is null)
        {
            html.Element("p", "None in the MessageHeader.", "class=\"muted\"");
            return;
        }

        html.Raw("<dl class=\"facts\">");
        Fact(html, "MessageDefinition", handling.MessageDefinition);
        Fact(html, "InfAckRequested", handling.InfAckRequested?.ToString());
        Fact(html, "BusAckRequested", handling.BusAckRequested?.ToString());
        Fact(html, "RecipientType", handling.RecipientTypeCode);
        Fact(html, "SenderReference", handling.SenderReference);
        html.Raw("</dl>");
    }

    /// <summary>The diagnostics texts of a response's OperationOutcome issues.</summary>
    public static IReadOnlyList<string> Diagnostics(ItkResponseView response) =>
        [.. (response.Details?.Resource?.ChildrenNamed("issue") ?? []).Select(i => i.ChildValue("diagnostics")).OfType<string>()];

    private static void Response(Html html, ItkResponseView response)
    {
        html.Element("h3", "Response");
        html.Raw("<dl class=\"facts\">");
        Fact(html, "Responds to", response.RespondsTo);
        Fact(html, "response.code", response.HeaderResponseCode);
        html.Raw("</dl><ul>");
        foreach (var code in response.Codes)
        {
            CodeExplanation.Render(html.Raw("<li>"), code).Raw("</li>");
        }

        html.Raw("</ul>");
        foreach (var diagnostics in Diagnostics(response))
        {
            html.Raw("<p><strong>Receiver's diagnostics:</strong> ").Text(diagnostics).Raw("</p>");
        }
    }

    private static void Fact(Html html, string name, string? value)
    {
        if (value is { Length: > 0 })
        {
            html.Element("dt", name).Raw("<dd class=\"mono\">").Text(value).Raw("</dd>");
        }
    }
}
