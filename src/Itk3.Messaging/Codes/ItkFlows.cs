namespace Itk3.Messaging.Codes;

/// <summary>The known payload flows with their MESH workflow ids (ITK3 digest §14; several are unconfirmed, see §19 item 17).</summary>
public static class ItkFlows
{
    /// <summary>Every known flow; an event may have several (e.g. ITK007C).</summary>
    public static IReadOnlyList<ItkFlow> All { get; } =
    [
        Flow("ToC acute inpatient and day-case discharge", "ITK003D", "TOC_FHIR_IP_DISCH"),
        Flow("ToC mental health discharge", "ITK004D", "TOC_FHIR_MH_DISCH"),
        Flow("ToC emergency care discharge", "ITK005D", "TOC_FHIR_EC_DISCH"),
        Flow("ToC outpatient clinic letter", "ITK006D", "TOC_FHIR_OP_ATTEN"),
        Flow("GP Connect Send Document", "ITK007C", "GPCONNECT_SEND_DOCUMENT"),
        Flow("GP Connect Send Document (pre-2.0.0 consultation report)", "ITK007C", "GPFED_CONSULT_REPORT"),
        Flow("GP Connect Online Consultations", "ITK007C", "DF_ONLINE_CONSULTATION"),
        Flow("Pharmacy vaccinations", "ITK009D", "DIGMED_FLU_VAC"),
        Flow("Pharmacy vaccinations (Simplifier spelling)", "ITK009D", "DIGIMED_FLU_VAC"),
        Flow("Pharmacy emergency supply", "ITK010D", "DIGMED_EMG_MED"),
        Flow("Pharmacy minor illness referral", "ITK013D", "DIGMED_MINOR_ILLNESS_PEM"),
        Flow("GP Connect Update Record", "ITK014M", "GPCONNECT_UPDATE_RECORD"),
    ];

    /// <summary>The flow whose payload or <c>_ACK</c> workflow id is the given id, or null.</summary>
    public static ItkFlow? FindByWorkflowId(string? workflowId) =>
        All.FirstOrDefault(f => f.WorkflowId == workflowId || f.AckWorkflowId == workflowId);

    /// <summary>The flows of one event code (the first is the preferred one).</summary>
    public static IReadOnlyList<ItkFlow> ForEvent(string eventCode) => [.. All.Where(f => f.EventCode == eventCode)];

    /// <summary>The workflow id that ITK3 Responses to a payload sent under <paramref name="workflowId"/> use.</summary>
    public static string AckWorkflowIdFor(string workflowId) =>
        workflowId.EndsWith("_ACK", StringComparison.Ordinal) ? workflowId : workflowId + "_ACK";

    private static ItkFlow Flow(string name, string eventCode, string workflowId) => new(name, eventCode, workflowId, workflowId + "_ACK");
}
