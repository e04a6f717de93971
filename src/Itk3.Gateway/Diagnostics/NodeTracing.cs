using System.Diagnostics;

namespace Itk3.Gateway.Diagnostics;

/// <summary>
/// Carries a trace across the store: the W3C context of the span that queues an item is written on its row, and the span
/// that later sends or delivers it (in this process or after a restart) starts with that context as its parent.
/// </summary>
internal static class NodeTracing
{
    /// <summary>The longest <c>tracestate</c> kept on a row (the W3C limit a platform must propagate); a longer one is dropped, as W3C allows.</summary>
    public const int MaxTraceStateLength = 512;

    /// <summary>Span tag: the node's transaction id.</summary>
    public const string TransactionId = "itk3.transaction_id";

    /// <summary>Span tag: the flow (MESH workflow id).</summary>
    public const string Flow = "itk3.flow";

    /// <summary>Span tag: the ITK3 response code (received, decided or sent).</summary>
    public const string ItkCode = "itk3.code";

    /// <summary>Span tag: the MESH message id.</summary>
    public const string MeshMessageId = "mesh.message_id";

    /// <summary>Span tag of a response: the MESH message id of the received message it answers.</summary>
    public const string InReplyTo = "itk3.in_reply_to";

    /// <summary>The current span's W3C <c>traceparent</c> and <c>tracestate</c>, for a row; nulls when there is none (or it is not W3C).</summary>
    public static (string? TraceParent, string? TraceState) Capture()
    {
        if (Activity.Current is not { IdFormat: ActivityIdFormat.W3C } current)
        {
            return (null, null);
        }

        var state = current.TraceStateString;
        return (current.Id, state is { Length: > 0 and <= MaxTraceStateLength } ? state : null);
    }

    /// <summary>
    /// Starts <paramref name="name"/> as the child of the stored context; with none (rows from before migration 0007, or
    /// nothing was traced when the row was written), or one that does not parse, it starts a fresh trace.
    /// </summary>
    public static Activity? StartContinuing(this ActivitySource source, string name, ActivityKind kind, string? traceParent, string? traceState)
    {
        if (traceParent is not null && ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var parent))
        {
            return source.StartActivity(name, kind, parent);
        }

        return source.StartRoot(name, kind);
    }

    /// <summary>Starts <paramref name="name"/> as the root of a new trace (never a child of whatever span is current) and makes it current.</summary>
    public static Activity? StartRoot(this ActivitySource source, string name, ActivityKind kind)
    {
        var span = source.StartDetached(name, kind);
        if (span is not null)
        {
            Activity.Current = span;
        }

        return span;
    }

    /// <summary>Starts a root span that is not made current (spans kept open across a batch); end it with <see cref="StopDetached"/>.</summary>
    public static Activity? StartDetached(this ActivitySource source, string name, ActivityKind kind)
    {
        var ambient = Activity.Current;
        Activity.Current = null;
        try
        {
            return source.StartActivity(name, kind);
        }
        finally
        {
            Activity.Current = ambient;
        }
    }

    /// <summary>Ends a span from <see cref="StartDetached"/> without changing the current span.</summary>
    public static void StopDetached(Activity? span)
    {
        var ambient = Activity.Current;
        span?.Dispose();
        Activity.Current = ambient;
    }

    /// <summary>Makes <paramref name="span"/> current until the scope is disposed (no change when it is null).</summary>
    public static CurrentSpan Enter(Activity? span) => new(span);

    /// <summary>Marks a span failed with a short reason (an error code or exception type, never content).</summary>
    public static void Failed(this Activity? span, string reason)
    {
        span?.SetStatus(ActivityStatusCode.Error, reason);
        span?.SetTag("error.type", reason);
    }

    /// <summary>The scope of <see cref="Enter"/>: restores the span that was current before.</summary>
    public readonly struct CurrentSpan : IDisposable
    {
        private readonly Activity? _previous;
        private readonly bool _changed;

        internal CurrentSpan(Activity? span)
        {
            _previous = Activity.Current;
            _changed = span is not null;
            if (_changed)
            {
                Activity.Current = span;
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            if (_changed)
            {
                Activity.Current = _previous;
            }
        }
    }
}
