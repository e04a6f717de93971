using Itk3.Fhir.Serialization;
using Itk3.Gateway.Application;
using Itk3.Gateway.Audit;
using Itk3.Gateway.Hosting;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;
using Itk3.Messaging.Responses;
using Itk3.Messaging.Validation;

namespace Itk3.Gateway.Inbound;

/// <summary>Takes the application's business outcome for a received message and queues the business response (ITK3 §9).</summary>
internal sealed class OutcomeRecorder(GatewayNodeServices services, RecentReads reads, System.Diagnostics.ActivitySource spans)
{
    private readonly ResponseOutbox _responses = new(services, spans);
    private readonly ResponsePlanner _planner = new(services.Profile);

    /// <summary>Records the outcome; the same outcome twice is <see cref="OutcomeResult.AlreadyReported"/>, another one a conflict.</summary>
    public async Task<OutcomeResult> RecordAsync(OutcomeReport report, CancellationToken cancellationToken)
    {
        if (!ResponseCodes.TryGet(report.Code, out var code) || code.Level != ResponseLevel.Business || !services.Profile.CodeSet.Contains(code.Code))
        {
            return OutcomeResult.Invalid;
        }

        // Read before the unit of work (the writer is not held while parsing); the inbox's own read when it still has it.
        var read = reads.Find(report.MeshMessageId) ?? await ReadStoredAsync(report.MeshMessageId, cancellationToken).ConfigureAwait(false);
        await using var work = await services.Store.BeginAsync(cancellationToken).ConfigureAwait(false);
        if (read is null || await work.Inbox.GetAsync(report.MeshMessageId, cancellationToken).ConfigureAwait(false) is not { } message)
        {
            return OutcomeResult.NotFound;
        }

        var marker = InboundDetails.OutcomePrefix + code.Code;
        if (message.Detail == marker)
        {
            return OutcomeResult.AlreadyReported;
        }

        if (message.Detail != InboundDetails.AwaitingOutcome)
        {
            return OutcomeResult.Conflict;
        }

        var plan = _planner.Plan(new ValidationResult(read, []), code);
        var target = new ResponseTarget(message.SenderMailbox, message.WorkflowId ?? "UNKNOWN", read.Format ?? FhirFormat.Json, message.MeshMessageId)
        {
            TraceParent = message.TraceParent,
            TraceState = message.TraceState,
        };
        foreach (var planned in plan.Responses.Where(r => r.Level == ResponseLevel.Business))
        {
            await _responses.QueueAsync(work, read.Message, planned, target, report.Diagnostics, cancellationToken).ConfigureAwait(false);
        }

        var now = services.Clock.GetUtcNow();
        await work.Inbox.UpdateAsync(message with { State = InboundState.BusinessOutcomeReported, Detail = marker, UpdatedAt = now }, cancellationToken).ConfigureAwait(false);
        if (report.Actor is { } actor)
        {
            var entry = new AuditEvent(now, actor, AuditAction.OutcomeReported, AuditSubject.InboundMessage, message.MeshMessageId)
            {
                InboundMeshMessageId = message.MeshMessageId, TransactionId = message.TransactionId, Note = code.Code,
            };
            await work.Audit.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        reads.Forget(report.MeshMessageId);
        return OutcomeResult.Accepted;
    }

    private async Task<ReadOutcome?> ReadStoredAsync(string meshMessageId, CancellationToken cancellationToken)
    {
        var content = await services.Queries.GetInboundContentAsync(meshMessageId, cancellationToken).ConfigureAwait(false);
        return content is null ? null : ItkMessageReader.Read(content);
    }
}
