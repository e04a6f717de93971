using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Profiles;
using Itk3.Fhir.Profiles.Validation;
using Itk3.Fhir.Serialization;
using Itk3.Gateway.Application;
using Itk3.Gateway.Configuration;
using Itk3.Messaging.Building;
using Itk3.Messaging.Codes;

namespace Itk3.Gateway.Outbound;

/// <summary>Wraps an application payload in an ITK3 message for a flow.</summary>
internal sealed class MessageComposer(GatewayOptions options, TimeProvider clock, IIdGenerator ids, string mailbox, SubmitValidation? validation = null)
{
    private readonly ItkMessageBuilder _builder = new(clock, ids);

    /// <summary>
    /// The built message and its wire bytes (in pooled pieces: the caller disposes them) with the flow's profile validation findings
    /// that do not refuse (warnings, not checked), or why the payload is refused (strict parse, then the flow's <c>validate</c>
    /// profiles: every issue located).
    /// </summary>
    public (BuiltMessage? Message, PooledBufferWriter? Bytes, GatewayError? Error, IReadOnlyList<ProfileIssue> Findings) Compose(ReadOnlyMemory<byte> payload, string? format, FlowSettings flow, string? receiverOds, string? senderReference)
    {
        var detected = format?.ToUpperInvariant() switch
        {
            "JSON" => FhirFormat.Json,
            "XML" => FhirFormat.Xml,
            _ => FhirSerializer.DetectFormat(payload.Span),
        };
        if (detected is null)
        {
            return (null, null, new GatewayError(GatewayErrorCodes.InvalidPayload, "payload: is neither FHIR JSON nor FHIR XML"), []);
        }

        var parsed = FhirSerializer.Parse(payload, detected.Value, ParseOptions.Default);
        if (parsed.Root is not { IsResource: true } root)
        {
            return (null, null, new GatewayError(GatewayErrorCodes.InvalidPayload, "payload: is not a readable FHIR resource") { Issues = parsed.Issues }, []);
        }

        if (!parsed.Success)
        {
            var errors = parsed.Issues.Where(i => i.IsError).ToList();
            return (null, null, new GatewayError(GatewayErrorCodes.PayloadInvalid, $"payload: {errors.Count} FHIR error(s); nothing was sent") { Issues = parsed.Issues }, []);
        }

        var validated = CheckProfiles(flow, root);
        if (validated is { IsValid: false })
        {
            var detail = $"payload: {validated.ErrorCount} profile error(s) against the flow's validate profiles; nothing was sent";
            return (null, null, new GatewayError(GatewayErrorCodes.PayloadProfileInvalid, detail) { ProfileIssues = validated.Issues }, []);
        }

        if (EventOf(flow) is not { } messageEvent)
        {
            return (null, null, new GatewayError(GatewayErrorCodes.UnknownFlow, $"flow: no message event known for {flow.WorkflowId}; set eventCode"), []);
        }

        var draft = new MessageDraft
        {
            Event = messageEvent,
            Handling = new HandlingSpecification
            {
                InfAckRequested = flow.InfAckRequested,
                BusAckRequested = flow.BusAckRequested,
                MessageDefinition = flow.MessageDefinition ?? $"{ItkUrls.MessageDefinitionBase}ITK-{flow.WorkflowId}-MessageDefinition-1",
                SenderReference = string.IsNullOrWhiteSpace(senderReference) ? HandlingSpecification.None : senderReference,
            },
            Sender = Participant.Organization(options.OdsCode),
            Receiver = receiverOds is null ? null : Participant.Organization(receiverOds),
            SourceEndpoint = mailbox,
            Payload = PayloadOf(root),
        };
        var built = _builder.Build(draft);
        return (built, Serialize(built, detected.Value), null, validated?.Issues ?? []);
    }

    /// <summary>The message's wire bytes, written into pooled pieces rather than a growing array (a 9 MB message would otherwise leave
    /// about four times its size of large-object garbage: the doubling buffer's steps and the final copy).</summary>
    private static PooledBufferWriter Serialize(BuiltMessage built, FhirFormat format)
    {
        var bytes = new PooledBufferWriter();
        try
        {
            FhirSerializer.Serialize(built.Bundle, format, bytes, WriteOptions.Compact);
            return bytes;
        }
        catch
        {
            bytes.Dispose();
            throw;
        }
    }

    /// <summary>The flow's profile validation of the payload; null when the flow does not validate. A flow that validates on a node without packages is stopped at start, never here.</summary>
    private ProfileValidationResult? CheckProfiles(FlowSettings flow, ElementNode root) =>
        flow.Validate is null ? null
            : validation?.Validate(flow, root) ?? throw new InvalidOperationException($"flow {flow.WorkflowId} validates payloads but the node loaded no profile package");

    private static MessageEvent? EventOf(FlowSettings flow)
    {
        var code = flow.EventCode ?? ItkFlows.FindByWorkflowId(flow.WorkflowId)?.EventCode;
        return MessageEvents.TryGet(code, out var found) ? found : null;
    }

    private static ItkPayload PayloadOf(ElementNode root) => root.ResourceType switch
    {
        "Bundle" when root.ChildValue("type") == "document" => ItkPayload.Document(root),
        "Bundle" => ItkPayload.Bundle(root),
        _ => ItkPayload.FromResources(root),
    };
}
