using Itk3.Gateway.Configuration;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Diagnostics;
using Itk3.Gateway.Reliability;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transport;
using Itk3.Messaging.Building;
using Itk3.Messaging.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Itk3.Gateway.Hosting;

/// <summary>Everything a <see cref="GatewayNode"/> runs on; all clocks, ids and randomness are injected.</summary>
public sealed record GatewayNodeServices
{
    /// <summary>The node's configuration.</summary>
    public required GatewayOptions Options { get; init; }

    /// <summary>The durable store (write side).</summary>
    public required IGatewayStore Store { get; init; }

    /// <summary>The read side of the same store.</summary>
    public required IGatewayQueries Queries { get; init; }

    /// <summary>Decides whether this instance polls MESH (several instances on one PostgreSQL store elect one); always this one by default.</summary>
    public Inbound.IPollerElection PollerElection { get; init; } = Inbound.SoleInstanceElection.Instance;

    /// <summary>The MESH mailbox (or a fake).</summary>
    public required IMessageTransport Transport { get; init; }

    /// <summary>The clock (a fake one in tests where time matters).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Generates ids for messages, transactions and queue items (must not repeat across restarts on one store).</summary>
    public IIdGenerator Ids { get; init; } = RandomIdGenerator.Instance;

    /// <summary>Backoff with jitter for sends and deliveries.</summary>
    public required RetryPolicy Retry { get; init; }

    /// <summary>The receiver profile inbound messages are validated with.</summary>
    public ReceiverProfile Profile { get; init; } = ReceiverProfile.Permissive;

    /// <summary>Submit-side profile validation (the node's profilePackages, loaded once at start); null when none is configured.</summary>
    public Outbound.SubmitValidation? SubmitValidation { get; init; }

    /// <summary>Where accepted payloads go; null for the pull API only.</summary>
    public IDeliveryTarget? DeliveryTarget { get; init; }

    /// <summary>The crash hook (tests kill the node at named steps).</summary>
    public ICrashHook Crashes { get; init; } = NoCrashes.Instance;

    /// <summary>This instance's name, recorded on leases.</summary>
    public string InstanceId { get; init; } = "node";

    /// <summary>How long a claim on an outbox item or delivery holds (a crashed node's claims come back after it).</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many sends and deliveries run at once.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Bounds the message bytes held in memory at once (received messages read, validated and stored; submissions built); each delivery or outbox claim also loads at most this many bytes. Configured by <see cref="GatewayOptions.MaxBytesInFlight"/>.</summary>
    public ByteBudget BytesInFlight { get; init; } = new(GatewayOptions.DefaultMaxBytesInFlight);

    /// <summary>How often idle loops look for due work (deadlines, retries) when nothing wakes them.</summary>
    public TimeSpan IdleInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Where the node's log events go (see docs/operations.md for the event ids); silent by default.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>The node's instruments; the node creates (and disposes) its own when null.</summary>
    public GatewayMetrics? Metrics { get; init; }

    /// <summary>How often the queues are sampled for health and the queue gauges.</summary>
    public TimeSpan StatusInterval { get; init; } = TimeSpan.FromSeconds(15);
}
