using System.Text.Json;

namespace Itk3.Gateway.Outbound;

/// <summary>A submission file (<c>*.submit.json</c>) in the drop folder: where to send the payload it holds.</summary>
public sealed record DropSubmission
{
    /// <summary>The flow's workflow id.</summary>
    public string Flow { get; init; } = "";

    /// <summary><c>mailbox</c> (the default), <c>ods</c> or <c>gpprovider</c>.</summary>
    public string RecipientKind { get; init; } = "mailbox";

    /// <summary>The recipient address.</summary>
    public string Recipient { get; init; } = "";

    /// <summary>The application's reference (SenderReference), if any.</summary>
    public string? SenderReference { get; init; }

    /// <summary>The FHIR JSON payload in line.</summary>
    public JsonElement? Payload { get; init; }

    /// <summary>Or a payload file (JSON or XML), relative to the submission file.</summary>
    public string? PayloadFile { get; init; }
}
