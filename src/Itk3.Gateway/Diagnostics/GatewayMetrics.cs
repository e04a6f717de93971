using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Itk3.Gateway.Diagnostics;

/// <summary>The node's OpenTelemetry-compatible instruments (meter <see cref="MeterName"/>) and its <see cref="ActivitySource"/>; one per node, disposed with it.</summary>
public sealed class GatewayMetrics : IDisposable
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string MeterName = "Itk3.Gateway";

    private static readonly InstrumentAdvice<double> Seconds = new() { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600, 86400] };
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _received;
    private readonly Counter<long> _responses;
    private readonly Histogram<double> _transactionDuration;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _deadLetters;
    private readonly Histogram<double> _meshCall;
    private readonly Counter<long> _meshErrors;
    private readonly Histogram<double> _commit;
    private NodeStatus? _observed;

    /// <summary>Creates the instruments; <paramref name="meterFactory"/> (from DI) owns the meter when given.</summary>
    public GatewayMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _sent = _meter.CreateCounter<long>("itk3.messages.sent", "{message}", "Messages MESH accepted from this node, by flow and kind (payload or response).");
        _received = _meter.CreateCounter<long>("itk3.messages.received", "{message}", "Messages received from MESH, by flow and kind (payload, response, report).");
        _responses = _meter.CreateCounter<long>("itk3.responses", "{response}", "ITK3 responses received or sent, by direction, level and ITK code.");
        _transactionDuration = _meter.CreateHistogram<double>("itk3.transaction.duration", "s", "From submission to complete, failed or timed out, by flow and outcome.", advice: Seconds);
        _retries = _meter.CreateCounter<long>("itk3.retries", "{attempt}", "Failed attempts that will be retried, by queue (outbox, delivery).");
        _deadLetters = _meter.CreateCounter<long>("itk3.dead_letters", "{item}", "Items given up, by queue (outbox, delivery, inbox).");
        _meshCall = _meter.CreateHistogram<double>("itk3.mesh.call.duration", "s", "MESH HTTP calls, by operation and status.", advice: Seconds);
        _meshErrors = _meter.CreateCounter<long>("itk3.mesh.call.errors", "{call}", "MESH HTTP calls that failed (network, TLS or an error status), by operation.");
        _commit = _meter.CreateHistogram<double>("itk3.store.commit.duration", "s", "Store unit-of-work commits.", advice: Seconds);
        _meter.CreateObservableGauge("itk3.queue.depth", () => Queue(s => s.PendingOutbox, s => s.PendingDeliveries), "{item}", "Items waiting, by queue (outbox, delivery), as last sampled.");
        _meter.CreateObservableGauge("itk3.queue.oldest_age", () => Queue(s => s.OldestOutbox.TotalSeconds, s => s.OldestDelivery.TotalSeconds), "s", "Age of the oldest waiting item, by queue, as last sampled.");
        ActivitySource = new ActivitySource(MeterName);
    }

    /// <summary>Makes the queue gauges report this node's samples.</summary>
    public void Observe(NodeStatus status) => Volatile.Write(ref _observed, status);

    /// <summary>Spans for submit, send, receive, validate, respond, deliver and each MESH HTTP call (docs/operations.md, "Traces").</summary>
    public ActivitySource ActivitySource { get; }

    /// <summary>The meter, for observable instruments added by the host.</summary>
    public Meter Meter => _meter;

    /// <summary>Counts a message MESH accepted.</summary>
    public void Sent(string? flow, string kind) => _sent.Add(1, Tag("flow", flow), Tag("kind", kind));

    /// <summary>Counts a message received from MESH.</summary>
    public void Received(string? flow, string kind) => _received.Add(1, Tag("flow", flow), Tag("kind", kind));

    /// <summary>Counts an ITK3 response (direction <c>in</c> or <c>out</c>).</summary>
    public void Response(string direction, string? level, string? code) => _responses.Add(1, Tag("direction", direction), Tag("level", level), Tag("code", code));

    /// <summary>Records how long a finished transaction took.</summary>
    public void TransactionFinished(string? flow, string outcome, TimeSpan duration) =>
        _transactionDuration.Record(Math.Max(0, duration.TotalSeconds), Tag("flow", flow), Tag("outcome", outcome));

    /// <summary>Counts a failed attempt that will be retried.</summary>
    public void Retried(string queue) => _retries.Add(1, Tag("queue", queue));

    /// <summary>Counts an item given up.</summary>
    public void DeadLettered(string queue) => _deadLetters.Add(1, Tag("queue", queue));

    /// <summary>Records one MESH HTTP call; <paramref name="status"/> is the HTTP status or <c>error</c>.</summary>
    public void MeshCall(string operation, string status, TimeSpan duration, bool failed)
    {
        _meshCall.Record(duration.TotalSeconds, Tag("operation", operation), Tag("status", status));
        if (failed)
        {
            _meshErrors.Add(1, Tag("operation", operation), Tag("status", status));
        }
    }

    /// <summary>Records one store commit.</summary>
    public void Committed(TimeSpan duration) => _commit.Record(duration.TotalSeconds);

    /// <inheritdoc />
    public void Dispose()
    {
        ActivitySource.Dispose();
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private IEnumerable<Measurement<T>> Queue<T>(Func<QueueSnapshot, T> outbox, Func<QueueSnapshot, T> deliveries)
        where T : struct
    {
        if (Volatile.Read(ref _observed)?.Queues is not { At: not null } snapshot)
        {
            return [];
        }

        return [new Measurement<T>(outbox(snapshot), Tag("queue", "outbox")), new Measurement<T>(deliveries(snapshot), Tag("queue", "delivery"))];
    }

    private static KeyValuePair<string, object?> Tag(string name, string? value) => new(name, value ?? "unknown");
}
