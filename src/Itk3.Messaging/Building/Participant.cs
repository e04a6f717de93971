namespace Itk3.Messaging.Building;

/// <summary>A header sender or receiver: an ODS-coded organisation or an SDS-identified practitioner.</summary>
public sealed record Participant(ParticipantKind Kind, string IdentifierSystem, string IdentifierValue)
{
    /// <summary>An organisation identified by its ODS organisation code (CareConnect-ITK-Header-Organization-1).</summary>
    public static Participant Organization(string odsCode) => new(ParticipantKind.Organization, Codes.ItkUrls.OdsOrganizationCode, odsCode);

    /// <summary>A practitioner identified by an SDS user id (CareConnect-ITK-Header-Practitioner-1).</summary>
    public static Participant Practitioner(string sdsUserId) => new(ParticipantKind.Practitioner, Codes.ItkUrls.SdsUserId, sdsUserId);

    /// <summary>The FHIR resource type of the participant.</summary>
    public string ResourceType => Kind == ParticipantKind.Organization ? "Organization" : "Practitioner";
}
