namespace Itk3.Gateway.Api.Contracts;

/// <summary>The body of <c>/health/live</c> and <c>/health/ready</c>.</summary>
/// <param name="Status">healthy, degraded or unhealthy.</param>
/// <param name="Reasons">Stable reason codes (for example <c>mesh-unreachable</c>, <c>certificate-expiring</c>); empty when healthy.</param>
public sealed record ProbeView(string Status, IReadOnlyList<string> Reasons);
