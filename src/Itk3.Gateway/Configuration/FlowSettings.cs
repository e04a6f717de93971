namespace Itk3.Gateway.Configuration;

/// <summary>One flow this node sends or receives: its MESH workflow id, handling flags and response deadlines.</summary>
public sealed record FlowSettings
{
    /// <summary>The MESH workflow id of the flow's messages (responses use it with <c>_ACK</c>), for example <c>TOC_FHIR_IP_DISCH</c>.</summary>
    public string WorkflowId { get; init; } = "";

    /// <summary>The ITK3 message event code; taken from the known flow table when empty.</summary>
    public string? EventCode { get; init; }

    /// <summary>The MessageDefinition URL sent in the handling specification.</summary>
    public string? MessageDefinition { get; init; }

    /// <summary>Whether sent messages ask for an infrastructure response.</summary>
    public bool InfAckRequested { get; init; } = true;

    /// <summary>Whether sent messages ask for a business response.</summary>
    public bool BusAckRequested { get; init; } = true;

    /// <summary>How long after the send the infrastructure response may take before the transaction times out.</summary>
    public TimeSpan InfrastructureTimeout { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long after the send the business response may take before the transaction times out.</summary>
    public TimeSpan BusinessTimeout { get; init; } = TimeSpan.FromDays(2);

    /// <summary>Validate submitted payloads against profiles before sending (refused when they fail); null: no profile validation.</summary>
    public SubmitValidationSettings? Validate { get; init; }

    /// <summary>The workflow id responses travel on.</summary>
    public string AckWorkflowId => WorkflowId + "_ACK";
}
