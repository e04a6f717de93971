namespace Itk3.Gateway.Api.Contracts;

/// <summary>The answer of the open liveness probe <c>GET /health</c>.</summary>
/// <param name="Status">Always <c>alive</c> while the process serves requests.</param>
public sealed record LivenessView(string Status);
