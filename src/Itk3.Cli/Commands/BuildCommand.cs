using System.CommandLine;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization;
using Itk3.Messaging.Building;
using Itk3.Messaging.Codes;
using ParseResult = System.CommandLine.ParseResult;

namespace Itk3.Cli.Commands;

/// <summary><c>itk3 build</c>: wraps a payload in an ITK3 message (ITK-Message-Bundle-1 with an ITK-MessageHeader-2).</summary>
internal static class BuildCommand
{
    /// <summary>The command's options, created once per command tree.</summary>
    private sealed class Options
    {
        public Argument<FileInfo> Payload { get; } = new("payload") { Description = "The payload: a document Bundle, another Bundle, or any resource (XML or JSON)." };
        public Option<string> Event { get; } = new("--event", "-e") { Description = "Message event from ITK-MessageEvent-2, e.g. ITK003D (eDischarge), ITK007C, ITK014M.", Required = true };
        public Option<string> Definition { get; } = new("--message-definition", "-d") { Description = "URL of the payload's MessageDefinition, e.g. https://fhir.nhs.uk/STU3/MessageDefinition/ITK-eDischarge-MessageDefinition-4.", Required = true };
        public Option<string> Mailbox { get; } = new("--mailbox", "-m") { Description = "The sender's MESH mailbox id (source.endpoint).", Required = true };
        public Option<string?> SenderOds { get; } = new("--sender-ods") { Description = "Sender organisation ODS code." };
        public Option<string?> SenderSds { get; } = new("--sender-sds") { Description = "Sender practitioner SDS user id (instead of --sender-ods)." };
        public Option<string?> ReceiverOds { get; } = new("--receiver-ods") { Description = "Optional receiver organisation ODS code (for local routing)." };
        public Option<string?> ReceiverSds { get; } = new("--receiver-sds") { Description = "Optional receiver practitioner SDS user id." };
        public Option<bool> InfAck { get; } = new("--inf-ack") { Description = "InfAckRequested: ask for an infrastructure response.", DefaultValueFactory = _ => true };
        public Option<bool> BusAck { get; } = new("--bus-ack") { Description = "BusAckRequested: ask for a business response.", DefaultValueFactory = _ => true };
        public Option<string> Recipient { get; } = new("--recipient-type") { Description = "FA (For Action) or FI (For Information).", DefaultValueFactory = _ => "FA" };
        public Option<string> SenderReference { get; } = new("--sender-reference") { Description = "SenderReference echoed in responses (max 255 characters).", DefaultValueFactory = _ => "None" };
        public Option<FileInfo?> Output { get; } = new("--output", "-o") { Description = "File to write; standard output when omitted." };
    }

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var o = new Options();
        o.Recipient.AcceptOnlyFromAmong("FA", "FI");
        var to = ItkOptions.To();
        var command = new Command("build", "Build an ITK3 message around a payload: outer message Bundle, MessageHeader first with all six handling\n" +
            "keys, the sender (and optional receiver) as header Organization/Practitioner, urn:uuid fullUrls, focus on the payload.\n" +
            "A document Bundle is carried as ITK-Document-Bundle-1, another Bundle as ITK-Payload-Bundle-1, any other resource directly.\n\n" +
            "Example:\n  itk3 build discharge.xml -e ITK003D -d https://fhir.nhs.uk/STU3/MessageDefinition/ITK-eDischarge-MessageDefinition-4 \\\n" +
            "      --sender-ods RX1 -m RX1OT001 -o message.xml")
        {
            o.Payload, o.Event, o.Definition, o.Mailbox, o.SenderOds, o.SenderSds, o.ReceiverOds, o.ReceiverSds, o.InfAck, o.BusAck, o.Recipient, o.SenderReference, to, o.Output,
        };
        command.SetAction(result => Run(result, o, result.GetValue(to)));
        return command;
    }

    private static int Run(ParseResult result, Options o, FhirFormat to)
    {
        var error = result.InvocationConfiguration.Error;
        var draft = Draft(result, o, error);
        if (draft is null)
        {
            return ExitCodes.UsageOrIo;
        }

        var built = new ItkMessageBuilder(TimeProvider.System, RandomIdGenerator.Instance).Build(draft);
        var bytes = FhirSerializer.SerializeToBytes(built.Bundle, to, WriteOptions.Pretty);
        return CommandOutput.Write(bytes, result.GetValue(o.Output), result.InvocationConfiguration.Output, error);
    }

    private static MessageDraft? Draft(ParseResult result, Options o, TextWriter error)
    {
        var sender = ItkOptions.Participant(result.GetValue(o.SenderOds), result.GetValue(o.SenderSds), "sender", error);
        var receiverGiven = result.GetValue(o.ReceiverOds) is not null || result.GetValue(o.ReceiverSds) is not null;
        var receiver = ItkOptions.Participant(result.GetValue(o.ReceiverOds), result.GetValue(o.ReceiverSds), "receiver", error, required: false);
        if (sender is null || (receiverGiven && receiver is null))
        {
            return null;
        }

        if (!MessageEvents.TryGet(result.GetValue(o.Event), out var messageEvent))
        {
            error.WriteLine($"error: unknown event {result.GetValue(o.Event)}; use one of {string.Join(", ", MessageEvents.All.Select(e => e.Code))}.");
            return null;
        }

        var tree = ReadPayload(result.GetValue(o.Payload)!, error);
        return tree is null ? null : new MessageDraft
        {
            Event = messageEvent,
            Handling = new HandlingSpecification
            {
                InfAckRequested = result.GetValue(o.InfAck),
                BusAckRequested = result.GetValue(o.BusAck),
                RecipientType = result.GetValue(o.Recipient) == "FI" ? RecipientTypes.ForInformation : RecipientTypes.ForAction,
                MessageDefinition = result.GetValue(o.Definition)!,
                SenderReference = result.GetValue(o.SenderReference)!,
            },
            Sender = sender,
            Receiver = receiver,
            SourceEndpoint = result.GetValue(o.Mailbox)!,
            Payload = PayloadOf(tree),
        };
    }

    private static ItkPayload PayloadOf(ElementNode tree) => tree.ResourceType != "Bundle" ? ItkPayload.FromResources(tree)
        : tree.ChildValue("type") == "document" ? ItkPayload.Document(tree) : ItkPayload.Bundle(tree);

    private static ElementNode? ReadPayload(FileInfo file, TextWriter error)
    {
        var content = CommandInput.ReadAll(file, error);
        var format = content is null ? null : FhirOptions.ResolveFormat(null, content, file.FullName, error);
        if (content is null || format is null)
        {
            return null;
        }

        var parsed = FhirSerializer.Parse(content, format.Value);
        foreach (var issue in parsed.Issues.Where(i => i.IsError))
        {
            error.WriteLine($"error: {issue}");
        }

        return parsed.Success ? parsed.Root : null;
    }
}
