namespace Itk3.Messaging.Codes;

/// <summary>A payload flow: its event, the MESH workflow id for payloads and the <c>_ACK</c> id for all its ITK3 Responses.</summary>
public sealed record ItkFlow(string Name, string EventCode, string WorkflowId, string AckWorkflowId);
