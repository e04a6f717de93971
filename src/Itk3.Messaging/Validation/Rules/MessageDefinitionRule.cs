using System.Text.RegularExpressions;
using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>
/// 10004: MessageDefinition unreadable, or a definition or event this receiver does not support; 10005: a supported
/// definition in an unsupported version (same name, other trailing major version). Responses accept both the current
/// and the retired response definition.
/// </summary>
internal sealed partial class MessageDefinitionRule() : HandlingKeyRule("MessageDefinition", ResponseCodes.MessageDefinitionError)
{
    protected override void CheckKey(ValidationContext context, ItkHeader header, ItkHandling handling, ElementNode node, string location)
    {
        var url = handling.MessageDefinition;
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            context.Report(ResponseCodes.MessageDefinitionError, location, node, "MessageDefinition must reference a MessageDefinition by absolute URL.");
        }
        else if (header.EventCode == MessageEvents.Response.Code)
        {
            if (url is not (ItkUrls.ResponseMessageDefinition or ItkUrls.ResponseMessageDefinitionRetired))
            {
                context.Report(ResponseCodes.MessageDefinitionError, location, node, "An ITK3 Response must use ITK-Response-MessageDefinition-1.");
            }
        }
        else
        {
            CheckSupported(context, header, url, location, node);
        }
    }

    /// <summary>The definition URL without its trailing major version (<c>…-4</c>).</summary>
    internal static string Unversioned(string url) => TrailingVersion().Replace(url, string.Empty);

    private static void CheckSupported(ValidationContext context, ItkHeader header, string url, string location, ElementNode node)
    {
        var profile = context.Profile;
        if (profile.Flows.Count > 0)
        {
            CheckFlow(context, header, url, location, node);
            return;
        }

        if (profile.Events.Count > 0 && !profile.Events.Contains(header.EventCode ?? string.Empty))
        {
            context.Report(ResponseCodes.MessageDefinitionError, header.Location + ".event", header.Node.Child("event"), "This receiver does not support the message event.");
            return;
        }

        if (profile.MessageDefinitions.Count == 0 || profile.MessageDefinitions.Contains(url))
        {
            return;
        }

        var name = Unversioned(url);
        var knownName = profile.MessageDefinitions.Any(d => Unversioned(d) == name);
        context.Report(
            knownName ? ResponseCodes.MessageDefinitionVersionError : ResponseCodes.MessageDefinitionError,
            location,
            node,
            knownName ? "This version of the MessageDefinition is not supported." : "This receiver does not support the MessageDefinition.");
    }

    private static void CheckFlow(ValidationContext context, ItkHeader header, string url, string location, ElementNode node)
    {
        if (context.Flow is not { } flow)
        {
            context.Report(ResponseCodes.MessageDefinitionError, header.Location + ".event", header.Node.Child("event"), "This receiver has no flow for the message event.");
            return;
        }

        if (flow.MessageDefinitions.Count == 0)
        {
            return;
        }

        if (flow.MessageDefinitions.FirstOrDefault(d => d.Url == url) is { } known)
        {
            if (!known.Supported)
            {
                context.Report(ResponseCodes.MessageDefinitionVersionError, location, node, "This version of the MessageDefinition is not supported.");
            }

            return;
        }

        var name = Unversioned(url);
        var sameName = flow.MessageDefinitions.Any(d => Unversioned(d.Url) == name);
        context.Report(
            sameName ? ResponseCodes.MessageDefinitionVersionError : ResponseCodes.MessageDefinitionError,
            location,
            node,
            sameName ? "This version of the MessageDefinition is not supported." : "The MessageDefinition is not one of the flow of this event.");
    }

    [GeneratedRegex(@"-\d+$")]
    private static partial Regex TrailingVersion();
}
