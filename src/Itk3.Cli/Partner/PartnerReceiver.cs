using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization;
using Itk3.Mesh;
using Itk3.Mesh.Models;
using Itk3.Messaging.Building;
using Itk3.Messaging.Business;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Responses;
using Itk3.Messaging.Validation;

namespace Itk3.Cli.Partner;

/// <summary>
/// The receiving partner: plays a receiving organisation on one MESH mailbox and answers each message exactly as the
/// receiver profile, the patient register and the trigger values dictate (responses go to the sending mailbox under
/// the flow's <c>_ACK</c> workflow). It keeps the node's history, so duplicates and replacements are judged too.
/// </summary>
internal sealed class PartnerReceiver(IMeshClient mesh, ReceiverProfile profile, PatientRegister register, Responder responder, TimeProvider clock, TextWriter log)
{
    private readonly MessageHistory _history = new();
    private readonly ResponsePlanner _planner = new(profile);
    private readonly ResponseFactory _factory = new(clock, RandomIdGenerator.Instance, responder);

    /// <summary>Handles every message now in the inbox; returns how many were handled.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        await foreach (var id in mesh.EnumerateInboxAsync(null, cancellationToken).ConfigureAwait(false))
        {
            await HandleAsync(id, cancellationToken).ConfigureAwait(false);
            handled++;
        }

        return handled;
    }

    /// <summary>
    /// Polls until <paramref name="duration"/> has passed, or until cancelled (then always throws
    /// <see cref="OperationCanceledException"/>), waiting <paramref name="interval"/> when the inbox is empty.
    /// </summary>
    public async Task RunAsync(TimeSpan interval, TimeSpan? duration, CancellationToken cancellationToken)
    {
        var end = duration is { } d ? clock.GetUtcNow() + d : DateTimeOffset.MaxValue;
        while (!cancellationToken.IsCancellationRequested && clock.GetUtcNow() < end)
        {
            if (await PollOnceAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                await Task.Delay(interval, clock, cancellationToken).ConfigureAwait(false);
            }
        }

        // A stop seen between polls ends the run as a stop seen during one does.
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task HandleAsync(string meshMessageId, CancellationToken cancellationToken)
    {
        byte[] content;
        MeshMessageMetadata metadata;
        await using (var download = await mesh.DownloadAsync(meshMessageId, cancellationToken).ConfigureAwait(false))
        {
            metadata = download.Metadata;
            using var buffer = new MemoryStream();
            await download.Content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            content = buffer.ToArray();
        }

        if (!metadata.IsReport)
        {
            await AnswerAsync(metadata, content, cancellationToken).ConfigureAwait(false);
        }

        await mesh.AcknowledgeAsync(meshMessageId, cancellationToken).ConfigureAwait(false);
    }

    private async Task AnswerAsync(MeshMessageMetadata metadata, byte[] content, CancellationToken cancellationToken)
    {
        var validation = new MessageValidator(profile, _history).Validate(content);
        _history.Record(validation);
        var triggers = validation.IsAccepted ? PartnerTriggers.Of(validation.Message) : PartnerTriggers.None;
        if (triggers.ForcedCode is { Level: ResponseLevel.Infrastructure } forced)
        {
            validation = validation with { Findings = [new ItkFinding(forced, "(partner trigger)", SourcePosition.None, "Forced by a partner trigger value.")] };
        }

        var business = triggers.ForcedCode is { Level: ResponseLevel.Business } forcedBusiness ? forcedBusiness
            : validation.IsAccepted && validation.Message?.Header is { IsResponse: false } ? register.Decide(validation.Message, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            : null;
        var plan = _planner.Plan(validation, business);
        log.WriteLine($"{metadata.MessageId} from {metadata.From}: {validation.Outcome.Code}; {plan.Responses.Count} response(s){(triggers.Silent ? " withheld (ITK-SILENT)" : string.Empty)}");
        if (triggers.Silent || plan.Responses.Count == 0)
        {
            return;
        }

        if (triggers.Delay > TimeSpan.Zero)
        {
            await Task.Delay(triggers.Delay, clock, cancellationToken).ConfigureAwait(false);
        }

        var format = validation.Read.Format ?? FhirFormat.Xml;
        var diagnostics = validation.IsAccepted ? null : $"{validation.Findings[0].Location}: {validation.Findings[0].Diagnostics}";
        foreach (var planned in plan.Responses)
        {
            var built = _factory.CreateFor(validation.Message, planned.Code.Code, planned.Code.IsNegative ? diagnostics : null, planned.InfAckRequested);
            var request = new MeshSendRequest(metadata.From ?? string.Empty, ItkFlows.AckWorkflowIdFor(metadata.WorkflowId ?? "ITK3"))
            {
                ContentType = format == FhirFormat.Xml ? "application/fhir+xml" : "application/fhir+json",
                Subject = $"ITK3 Response {planned.Code.Code}",
                LocalId = built.MessageHeaderId,
            };
            using var body = new MemoryStream(FhirSerializer.SerializeToBytes(built.Bundle, format));
            await mesh.SendAsync(request, body, cancellationToken).ConfigureAwait(false);
            log.WriteLine($"  sent {planned.Code.Code} to {metadata.From} under {request.WorkflowId}");
        }
    }
}
