namespace Itk3.Gateway.Application;

/// <summary>Who asks for an operator action (the API key's name) and why (a note; required to resolve).</summary>
/// <param name="Actor">The name recorded as having done it.</param>
/// <param name="Note">A short note for the timeline; never payload content.</param>
public sealed record OperatorAction(string Actor, string? Note = null);
