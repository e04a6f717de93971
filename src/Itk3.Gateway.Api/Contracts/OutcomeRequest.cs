namespace Itk3.Gateway.Api.Contracts;

/// <summary>The body of <c>POST /api/v1/messages/{id}/outcome</c>: the application's business outcome.</summary>
/// <param name="Code">The ITK3 business response code, for example 30001 (patient known) or 30002 (not known).</param>
/// <param name="Diagnostics">Optional diagnostics text for the response's OperationOutcome.</param>
public sealed record OutcomeRequest(string? Code, string? Diagnostics = null);
