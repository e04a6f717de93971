using System.Collections.Concurrent;
using System.Diagnostics;
using Itk3.Gateway.Diagnostics;

namespace Itk3.Gateway.Tests.Support;

/// <summary>A real <see cref="ActivityListener"/> on the node's source: records every finished span (other tests' nodes too, so filter by ids).</summary>
internal sealed class SpanRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GatewayMetrics.MeterName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The finished spans named <paramref name="name"/> whose tag <paramref name="tag"/> equals <paramref name="value"/> (case-insensitive).</summary>
    public List<Activity> Where(string name, string tag, string value) =>
        [.. _stopped.Where(a => a.OperationName == name && string.Equals(a.GetTagItem(tag) as string, value, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The finished spans of one trace.</summary>
    public List<Activity> InTrace(ActivityTraceId traceId) => [.. _stopped.Where(a => a.TraceId == traceId)];

    /// <summary>The finished children of <paramref name="parent"/>, by name.</summary>
    public List<Activity> ChildrenOf(Activity parent, string name) =>
        [.. _stopped.Where(a => a.TraceId == parent.TraceId && a.ParentSpanId == parent.SpanId && a.OperationName == name)];

    public void Dispose() => _listener.Dispose();
}
