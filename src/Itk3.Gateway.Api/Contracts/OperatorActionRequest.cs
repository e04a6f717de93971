namespace Itk3.Gateway.Api.Contracts;

/// <summary>The body of a requeue or resolve call: the operator's note (required to resolve; at most 500 characters, never patient data).</summary>
/// <param name="Note">Why; shown on the timeline with the key's name.</param>
public sealed record OperatorActionRequest(string? Note = null);
