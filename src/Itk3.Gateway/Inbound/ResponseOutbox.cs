using Itk3.Fhir.Serialization;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Store;
using Itk3.Messaging.Building;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;
using Itk3.Messaging.Responses;

namespace Itk3.Gateway.Inbound;

/// <summary>Builds ITK3 responses and queues them in the outbox on the flow's <c>_ACK</c> workflow.</summary>
internal sealed class ResponseOutbox(GatewayNodeServices services)
{
    private readonly ResponseFactory _factory = new(
        services.Clock,
        services.Ids,
        new Responder(Participant.Organization(services.Options.OdsCode), services.Transport.Mailbox));

    /// <summary>Queues one response to the target; returns the response's MessageHeader id.</summary>
    public async Task<string> QueueAsync(
        IGatewayUnitOfWork work, ItkMessage? original, PlannedResponse planned, ResponseTarget target, string? diagnostics, CancellationToken cancellationToken)
    {
        var built = _factory.CreateFor(original, planned.Code.Code, diagnostics, planned.InfAckRequested);
        var bytes = FhirSerializer.SerializeToBytes(built.Bundle, target.Format);
        var item = new OutboxItem(services.Ids.NewId(), target.To, ItkFlows.AckWorkflowIdFor(target.WorkflowId), bytes, services.Clock.GetUtcNow())
        {
            LocalId = built.MessageHeaderId,
            Subject = $"ITK3 response {planned.Code.Code}",
            TransactionId = target.TransactionId,
            InboundMeshMessageId = target.InboundMeshMessageId,
        };
        await work.Outbox.EnqueueAsync(item, cancellationToken).ConfigureAwait(false);
        return built.MessageHeaderId;
    }
}
