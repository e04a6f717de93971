namespace Itk3.Gateway.Api.Contracts;

/// <summary>The answer to a reported business outcome.</summary>
/// <param name="MeshMessageId">The received message.</param>
/// <param name="Code">The outcome code.</param>
/// <param name="AlreadyReported">True when the same outcome had been reported before (nothing new is sent).</param>
public sealed record OutcomeReceipt(string MeshMessageId, string Code, bool AlreadyReported);
