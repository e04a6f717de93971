namespace Itk3.Gateway.Hosting.Demo;

/// <summary>One line of the demo's exchange timeline.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Node">Which node (hospital or GP practice).</param>
/// <param name="What">What happened.</param>
/// <param name="Code">The ITK3 response code involved, if any.</param>
public sealed record TimelineEntry(DateTimeOffset At, string Node, string What, string? Code = null);
