namespace Itk3.Gateway.Application;

/// <summary>The application's business outcome for a received message.</summary>
/// <param name="MeshMessageId">The MESH message id of the received message (the delivery's message id).</param>
/// <param name="Code">The ITK3 business response code, for example 30001 (patient known) or 30002 (not known).</param>
public sealed record OutcomeReport(string MeshMessageId, string Code)
{
    /// <summary>Optional diagnostics text for the response's OperationOutcome.</summary>
    public string? Diagnostics { get; init; }

    /// <summary>Who reported it (the API key's name), recorded in the message's history; null when not recorded (the application's own call).</summary>
    public string? Actor { get; init; }
}
