using Itk3.Messaging.Building;

namespace Itk3.Cli.Partner;

/// <summary>Settings of the sending partner.</summary>
internal sealed record PartnerSenderOptions
{
    /// <summary>The supplier's mailbox the suite is sent to.</summary>
    public required string To { get; init; }

    /// <summary>The partner's own mailbox (source.endpoint; responses come back here).</summary>
    public required string Mailbox { get; init; }

    /// <summary>The payload workflow id (responses are expected on its <c>_ACK</c>).</summary>
    public string Workflow { get; init; } = "TOC_FHIR_IP_DISCH";

    /// <summary>The partner as ITK3 sender (header Organization).</summary>
    public Participant Sender { get; init; } = Participant.Organization("X26PTN");

    /// <summary>How long each phase waits for its responses.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a Fire-and-Forget message must stay unanswered to pass.</summary>
    public TimeSpan QuietPeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Pause between inbox polls when nothing came.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
