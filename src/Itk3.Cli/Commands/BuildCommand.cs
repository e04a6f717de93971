using System.CommandLine;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization;
using Itk3.Messaging.Building;
using Itk3.Messaging.Codes;

namespace Itk3.Cli.Commands;

/// <summary><c>itk3 build</c>: wraps a payload in an ITK3 message (ITK-Message-Bundle-1 with an ITK-MessageHeader-2).</summary>
internal static class BuildCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var payload = new Argument<FileInfo>("payload") { Description = "The payload: a document Bundle, another Bundle, or any resource (XML or JSON)." };
        var eventCode = new Option<string>("--event", "-e") { Description = "Message event from ITK-MessageEvent-2, e.g. ITK003D (eDischarge), ITK007C, ITK014M.", Required = true };
        var definition = new Option<string>("--message-definition", "-d") { Description = "URL of the payload's MessageDefinition, e.g. https://fhir.nhs.uk/STU3/MessageDefinition/ITK-eDischarge-MessageDefinition-4.", Required = true };
        var mailbox = new Option<string>("--mailbox", "-m") { Description = "The sender's MESH mailbox id (source.endpoint).", Required = true };
        var senderOds = new Option<string?>("--sender-ods") { Description = "Sender organisation ODS code." };
        var senderSds = new Option<string?>("--sender-sds") { Description = "Sender practitioner SDS user id (instead of --sender-ods)." };
        var receiverOds = new Option<string?>("--receiver-ods") { Description = "Optional receiver organisation ODS code (for local routing)." };
        var receiverSds = new Option<string?>("--receiver-sds") { Description = "Optional receiver practitioner SDS user id." };
        var infAck = new Option<bool>("--inf-ack") { Description = "InfAckRequested: ask for an infrastructure response.", DefaultValueFactory = _ => true };
        var busAck = new Option<bool>("--bus-ack") { Description = "BusAckRequested: ask for a business response.", DefaultValueFactory = _ => true };
        var recipientType = new Option<string>("--recipient-type") { Description = "FA (For Action) or FI (For Information).", DefaultValueFactory = _ => "FA" };
        recipientType.AcceptOnlyFromAmong("FA", "FI");
        var senderReference = new Option<string>("--sender-reference") { Description = "SenderReference echoed in responses (max 255 characters).", DefaultValueFactory = _ => "None" };
        var to = ItkOptions.To();
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write; standard output when omitted." };
        var command = new Command("build", "Build an ITK3 message around a payload: outer message Bundle, MessageHeader first with all six handling\n" +
            "keys, the sender (and optional receiver) as header Organization/Practitioner, urn:uuid fullUrls, focus on the payload.\n" +
            "A document Bundle is carried as ITK-Document-Bundle-1, another Bundle as ITK-Payload-Bundle-1, any other resource directly.\n\n" +
            "Example:\n  itk3 build discharge.xml -e ITK003D -d https://fhir.nhs.uk/STU3/MessageDefinition/ITK-eDischarge-MessageDefinition-4 \\\n" +
            "      --sender-ods RX1 -m RX1OT001 -o message.xml")
        {
            payload, eventCode, definition, mailbox, senderOds, senderSds, receiverOds, receiverSds, infAck, busAck, recipientType, senderReference, to, output,
        };
        command.SetAction(result =>
        {
            var error = result.InvocationConfiguration.Error;
            var sender = ItkOptions.Participant(result.GetValue(senderOds), result.GetValue(senderSds), "sender", error);
            var receiverGiven = result.GetValue(receiverOds) is not null || result.GetValue(receiverSds) is not null;
            var receiver = ItkOptions.Participant(result.GetValue(receiverOds), result.GetValue(receiverSds), "receiver", error, required: false);
            if (sender is null || (receiverGiven && receiver is null) || !MessageEvents.TryGet(result.GetValue(eventCode), out var messageEvent))
            {
                if (sender is not null && (!receiverGiven || receiver is not null))
                {
                    error.WriteLine($"error: unknown event {result.GetValue(eventCode)}; use one of {string.Join(", ", MessageEvents.All.Select(e => e.Code))}.");
                }

                return ExitCodes.UsageOrIo;
            }

            var tree = ReadPayload(result.GetValue(payload)!, error);
            if (tree is null)
            {
                return ExitCodes.UsageOrIo;
            }

            var handling = new HandlingSpecification
            {
                InfAckRequested = result.GetValue(infAck),
                BusAckRequested = result.GetValue(busAck),
                RecipientType = result.GetValue(recipientType) == "FI" ? RecipientTypes.ForInformation : RecipientTypes.ForAction,
                MessageDefinition = result.GetValue(definition)!,
                SenderReference = result.GetValue(senderReference)!,
            };
            var draft = new MessageDraft { Event = messageEvent, Handling = handling, Sender = sender, Receiver = receiver, SourceEndpoint = result.GetValue(mailbox)!, Payload = PayloadOf(tree) };
            var built = new ItkMessageBuilder(TimeProvider.System, RandomIdGenerator.Instance).Build(draft);
            var bytes = FhirSerializer.SerializeToBytes(built.Bundle, result.GetValue(to), WriteOptions.Pretty);
            return ItkOptions.WriteOutput(bytes, result.GetValue(output), result.InvocationConfiguration.Output, error);
        });
        return command;
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
        if (!parsed.Success)
        {
            foreach (var issue in parsed.Issues.Where(i => i.IsError))
            {
                error.WriteLine($"error: {issue}");
            }

            return null;
        }

        return parsed.Root;
    }
}
