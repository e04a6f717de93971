using System.Diagnostics;
using Itk3.Fhir.Serialization;
using Itk3.Gateway.Diagnostics;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Store;
using Itk3.Messaging.Building;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;
using Itk3.Messaging.Responses;

namespace Itk3.Gateway.Inbound;

/// <summary>Builds ITK3 responses and queues them in the outbox on the flow's <c>_ACK</c> workflow, each as an <c>itk3.respond</c> span whose send continues it.</summary>
internal sealed class ResponseOutbox(GatewayNodeServices services, ActivitySource spans)
{
    private readonly ResponseFactory _factory = new(
        services.Clock,
        services.Ids,
        new Responder(Participant.Organization(services.Options.OdsCode), services.Transport.Mailbox));

    /// <summary>Queues one response to the target; returns the response's MessageHeader id.</summary>
    public async Task<string> QueueAsync(
        IGatewayUnitOfWork work, ItkMessage? original, PlannedResponse planned, ResponseTarget target, string? diagnostics, CancellationToken cancellationToken)
    {
        using var span = StartRespond(target);
        span?.SetTag(NodeTracing.ItkCode, planned.Code.Code).SetTag(NodeTracing.Flow, target.WorkflowId).SetTag(NodeTracing.TransactionId, target.TransactionId)
            .SetTag(NodeTracing.InReplyTo, target.InboundMeshMessageId);
        var built = _factory.CreateFor(original, planned.Code.Code, diagnostics, planned.InfAckRequested);
        var bytes = FhirSerializer.SerializeToBytes(built.Bundle, target.Format);
        var (traceParent, traceState) = NodeTracing.Capture();
        var item = new OutboxItem(services.Ids.NewId(), target.To, ItkFlows.AckWorkflowIdFor(target.WorkflowId), bytes, services.Clock.GetUtcNow())
        {
            LocalId = built.MessageHeaderId,
            Subject = $"ITK3 response {planned.Code.Code}",
            TransactionId = target.TransactionId,
            InboundMeshMessageId = target.InboundMeshMessageId,
            TraceParent = traceParent,
            TraceState = traceState,
        };
        await work.Outbox.EnqueueAsync(item, cancellationToken).ConfigureAwait(false);
        return built.MessageHeaderId;
    }

    /// <summary>
    /// A child of the current span (the receive), or, for a response decided later (a business outcome), of the stored
    /// receive context, linked to the span that reported it.
    /// </summary>
    private Activity? StartRespond(ResponseTarget target)
    {
        if (target.TraceParent is null)
        {
            return spans.StartActivity("itk3.respond");
        }

        var reporter = Activity.Current;
        var span = spans.StartContinuing("itk3.respond", ActivityKind.Internal, target.TraceParent, target.TraceState);
        if (reporter is not null)
        {
            span?.AddLink(new ActivityLink(reporter.Context));
        }

        return span;
    }
}
