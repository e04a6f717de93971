using System.Diagnostics;
using Itk3.Fhir.Serialization;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Diagnostics;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Reliability;
using Itk3.Gateway.Store;
using Itk3.Gateway.Tracking;
using Itk3.Gateway.Transactions;
using Itk3.Gateway.Transport;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;
using Itk3.Messaging.Responses;
using Itk3.Messaging.Validation;

namespace Itk3.Gateway.Inbound;

/// <summary>Stores one downloaded message and everything it causes (responses, delivery, transaction progress) in one unit of work.</summary>
internal sealed class InboundProcessor
{
    private readonly GatewayNodeServices _services;
    private readonly ResponseOutbox _responses;
    private readonly ResponsePlanner _planner;
    private readonly ResponseCorrelation _correlation;
    private readonly RecentReads _reads;
    private readonly Diagnostics.NodeEvents _events;

    /// <summary>Creates the processor.</summary>
    public InboundProcessor(GatewayNodeServices services, RecentReads reads, Diagnostics.NodeEvents events)
    {
        _events = events;
        _reads = reads;
        _services = services;
        _responses = new ResponseOutbox(services, events.Metrics.ActivitySource);
        _planner = new ResponsePlanner(services.Profile);
        _correlation = new ResponseCorrelation(services, _responses, _planner, events);
    }

    /// <summary>Reads the message once (CPU work, no store access), so the unit of work that stores it only writes; <paramref name="receive"/> is its receive span.</summary>
    public PreparedMessage Prepare(IncomingEnvelope envelope, Activity? receive = null)
    {
        using var scope = NodeTracing.Enter(receive);
        receive?.SetTag(NodeTracing.Flow, envelope.WorkflowId);
        if (envelope.IsReport)
        {
            return new PreparedMessage(envelope, null) { Span = receive };
        }

        var options = ItkMessageReader.TolerantOptions with { MaxBytes = Math.Max(_services.Profile.MaxMessageBytes, 1) * 4 };
        return new PreparedMessage(envelope, ItkMessageReader.Read(envelope.Content, null, options)) { Span = receive };
    }

    /// <summary>Registers and handles a message read by <see cref="Prepare"/>; false when it was already registered (a MESH redelivery: nothing is done again).</summary>
    public async Task<bool> StoreAsync(PreparedMessage prepared, CancellationToken cancellationToken)
    {
        var stored = await ConflictRetry.RunAsync(
            async () =>
            {
                await using var work = await _services.Store.BeginAsync(cancellationToken).ConfigureAwait(false);
                var applied = await ApplyAsync(work, prepared, cancellationToken).ConfigureAwait(false);
                await work.CommitAsync(cancellationToken).ConfigureAwait(false);
                return applied;
            },
            _events,
            "inbox").ConfigureAwait(false);
        Remember(prepared, stored);
        return stored is not null;
    }

    /// <summary>Registers and handles several messages in one unit of work (one commit, one fsync); all or none are stored.</summary>
    /// <remarks>The transactions the batch's responses and reports answer are locked first, in id order: two batches (of one instance, or
    /// of two during a poller handover) that answer the same transactions in different orders then wait for each other instead of
    /// deadlocking. Should a conflict still happen, the whole unit of work is rolled back and run again.</remarks>
    public async Task StoreBatchAsync(IReadOnlyList<PreparedMessage> messages, CancellationToken cancellationToken)
    {
        var keys = TransactionKeys(messages);
        var stored = await ConflictRetry.RunAsync(
            async () =>
            {
                var applied = new InboundMessage?[messages.Count];
                await using var work = await _services.Store.BeginAsync(cancellationToken).ConfigureAwait(false);
                await work.Transactions.LockAsync(keys, cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < messages.Count; i++)
                {
                    applied[i] = await ApplyAsync(work, messages[i], cancellationToken).ConfigureAwait(false);
                }

                await work.CommitAsync(cancellationToken).ConfigureAwait(false);
                return applied;
            },
            _events,
            "inbox").ConfigureAwait(false);
        for (var i = 0; i < messages.Count; i++)
        {
            Remember(messages[i], stored[i]);
        }
    }

    /// <summary>The keys of the transactions the messages may change: a report's linked MESH message id and local id, a response's identifier.</summary>
    private static List<(TransactionLookup By, string Value)> TransactionKeys(IEnumerable<PreparedMessage> messages)
    {
        var keys = new List<(TransactionLookup By, string Value)>();
        foreach (var prepared in messages)
        {
            if (prepared.Read?.Message?.Response?.RespondsTo is { } respondsTo)
            {
                keys.Add((TransactionLookup.MessageHeaderId, respondsTo));
            }

            if (prepared.Read is null && prepared.Envelope.LinkedMessageId is { } linked)
            {
                keys.Add((TransactionLookup.MeshMessageId, linked));
            }

            if (prepared.Read is null && prepared.Envelope.LocalId is { } localId)
            {
                keys.Add((TransactionLookup.MessageHeaderId, localId));
            }
        }

        return keys;
    }

    private void Remember(PreparedMessage prepared, InboundMessage? stored)
    {
        if (stored is not null)
        {
            _events.Received(stored);
        }

        if (stored is { Detail: InboundDetails.AwaitingOutcome } && prepared.Read is { } read)
        {
            _reads.Add(stored.MeshMessageId, read);
        }
    }

    private async Task<InboundMessage?> ApplyAsync(IGatewayUnitOfWork work, PreparedMessage prepared, CancellationToken cancellationToken)
    {
        // Validation and responses become children of the receive span; its context goes on the rows written here.
        using var scope = NodeTracing.Enter(prepared.Span);
        var envelope = prepared.Envelope;
        var now = _services.Clock.GetUtcNow();
        var (traceParent, traceState) = NodeTracing.Capture();
        var message = new InboundMessage(envelope.MessageId, envelope.From, envelope.To, envelope.WorkflowId, now)
        {
            Subject = envelope.Subject,
            LocalId = envelope.LocalId,
            FileName = envelope.FileName,
            MeshMessageType = envelope.IsReport ? "REPORT" : "DATA",
            LinkedMessageId = envelope.LinkedMessageId,
            TraceParent = traceParent,
            TraceState = traceState,
        };
        if (!await work.Inbox.RegisterAsync(message, envelope.Content, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        message = prepared.Read is not { } read
            ? await _correlation.ApplyReportAsync(work, message, envelope, cancellationToken).ConfigureAwait(false)
            : await HandleDataAsync(work, message, envelope, read, cancellationToken).ConfigureAwait(false);
        message = message with { UpdatedAt = now };
        await work.Inbox.UpdateAsync(message, cancellationToken).ConfigureAwait(false);
        prepared.Span?.SetTag(NodeTracing.ItkCode, message.ItkCode).SetTag(NodeTracing.TransactionId, message.TransactionId).SetTag("itk3.state", message.State.ToString());
        return message;
    }

    /// <summary>Registers a message that could not be handled at all as dead-lettered (it is acknowledged and never retried).</summary>
    public async Task<bool> DeadLetterAsync(IncomingEnvelope envelope, string reason, CancellationToken cancellationToken)
    {
        var now = _services.Clock.GetUtcNow();
        await using var work = await _services.Store.BeginAsync(cancellationToken).ConfigureAwait(false);
        var message = new InboundMessage(envelope.MessageId, envelope.From, envelope.To, envelope.WorkflowId, now)
        {
            State = InboundState.DeadLettered,
            Detail = reason,
            MeshMessageType = envelope.IsReport ? "REPORT" : "DATA",
        };
        var registered = await work.Inbox.RegisterAsync(message, envelope.Content, cancellationToken).ConfigureAwait(false);
        if (!registered)
        {
            var existing = await work.Inbox.GetAsync(envelope.MessageId, cancellationToken).ConfigureAwait(false);
            await work.Inbox.UpdateAsync((existing ?? message) with { State = InboundState.DeadLettered, Detail = reason, UpdatedAt = now }, cancellationToken).ConfigureAwait(false);
        }

        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        _events.InboundDeadLettered(envelope.MessageId, reason);
        return true;
    }

    private async Task<InboundMessage> HandleDataAsync(IGatewayUnitOfWork work, InboundMessage message, IncomingEnvelope envelope, ReadOutcome read, CancellationToken cancellationToken)
    {
        var itk = read.Message;
        var facts = DocumentFacts.Of(itk);
        var documentId = facts?.DocumentId;
        var validation = await ValidateAsync(work, envelope, read, facts, cancellationToken).ConfigureAwait(false);
        if (validation.IsAccepted && facts?.DocumentId is { } accepted && itk?.Header is { IsResponse: false })
        {
            var document = new ReceivedDocument(accepted, facts.CompositionIdentifier, facts.PatientKey);
            await work.Inbox.RecordDocumentAsync(document, envelope.MessageId, message.ReceivedAt, cancellationToken).ConfigureAwait(false);
        }

        message = message with
        {
            State = InboundState.Validated,
            MessageHeaderId = itk?.MessageId,
            BundleIdentifier = itk?.IdentifierValue,
            DocumentId = documentId,
            Flow = envelope.WorkflowId,
            ItkCode = validation.Outcome.Code,
        };
        var target = new ResponseTarget(envelope.From, envelope.WorkflowId ?? "UNKNOWN", read.Format ?? FhirFormat.Json, envelope.MessageId);
        if (validation.IsAccepted && itk?.Header is { IsResponse: true })
        {
            return await _correlation.ApplyResponseAsync(work, message, validation, target, cancellationToken).ConfigureAwait(false);
        }

        var plan = _planner.Plan(validation);
        var diagnostics = validation.IsAccepted ? null : validation.Findings[0].Diagnostics;
        foreach (var planned in plan.Responses)
        {
            await _responses.QueueAsync(work, itk, planned, target, diagnostics, cancellationToken).ConfigureAwait(false);
        }

        if (!validation.IsAccepted)
        {
            var state = validation.IsUnreadable ? InboundState.DeadLettered : InboundState.Rejected;
            return message with { State = state, Detail = $"{validation.Outcome.Code} {validation.Findings[0].Location}" };
        }

        await EnqueueDeliveryAsync(work, envelope, cancellationToken).ConfigureAwait(false);
        return message with { State = InboundState.ResponsesQueued, Detail = plan.AwaitingBusinessOutcome ? InboundDetails.AwaitingOutcome : null };
    }

    /// <summary>The ITK3 checks (duplicates against the store's history included), as the <c>itk3.validate</c> span.</summary>
    private async Task<ValidationResult> ValidateAsync(IGatewayUnitOfWork work, IncomingEnvelope envelope, ReadOutcome read, DocumentFacts? facts, CancellationToken cancellationToken)
    {
        using var span = _events.Metrics.ActivitySource.StartActivity("itk3.validate");
        var history = new KnownMessageHistory(
            read.Message?.MessageId is { } headerId && await work.Inbox.IsMessageHeaderIdKnownAsync(headerId, envelope.MessageId, cancellationToken).ConfigureAwait(false),
            facts?.DocumentId is { } documentId && await work.Inbox.IsDocumentIdKnownAsync(documentId, envelope.MessageId, cancellationToken).ConfigureAwait(false),
            await ReplacedDocumentsAsync(work, facts, cancellationToken).ConfigureAwait(false));
        var validation = new MessageValidator(_services.Profile, history).Validate(read);
        span?.SetTag(NodeTracing.ItkCode, validation.Outcome.Code).SetTag(NodeTracing.Flow, envelope.WorkflowId).SetTag("itk3.accepted", validation.IsAccepted);
        return validation;
    }

    private async Task EnqueueDeliveryAsync(IGatewayUnitOfWork work, IncomingEnvelope envelope, CancellationToken cancellationToken)
    {
        var (traceParent, traceState) = NodeTracing.Capture();
        var item = new DeliveryItem(_services.Ids.NewId(), envelope.MessageId.ToUpperInvariant(), envelope.Content, _services.Clock.GetUtcNow())
        {
            InboundMeshMessageId = envelope.MessageId,
            Flow = envelope.WorkflowId,
            TraceParent = traceParent,
            TraceState = traceState,
        };
        await work.Deliveries.EnqueueAsync(item, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyDictionary<string, ReceivedDocument>> ReplacedDocumentsAsync(IGatewayUnitOfWork work, DocumentFacts? facts, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ReceivedDocument>(StringComparer.Ordinal);
        foreach (var target in facts?.Replaces.Where(t => t.Length > 0).Distinct() ?? [])
        {
            if (await work.Inbox.FindDocumentAsync(target, cancellationToken).ConfigureAwait(false) is { } document)
            {
                found[target] = document;
            }
        }

        return found;
    }
}
