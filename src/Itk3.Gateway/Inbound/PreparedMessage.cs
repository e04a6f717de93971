using System.Diagnostics;
using Itk3.Gateway.Transport;
using Itk3.Messaging.Reading;

namespace Itk3.Gateway.Inbound;

/// <summary>A downloaded message read once, outside any unit of work (null <paramref name="Read"/> for a MESH report).</summary>
internal sealed record PreparedMessage(IncomingEnvelope Envelope, ReadOutcome? Read)
{
    /// <summary>Its <c>itk3.receive</c> span (open from download to acknowledgement), when traced.</summary>
    public Activity? Span { get; init; }
}
