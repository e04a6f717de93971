namespace Itk3.Messaging.Codes;

/// <summary>Canonical URLs of the ITK3 profiles, extensions and message definitions.</summary>
public static class ItkUrls
{
    /// <summary>The base of every ITK3 StructureDefinition URL.</summary>
    public const string StructureDefinitionBase = "https://fhir.nhs.uk/STU3/StructureDefinition/";

    /// <summary>The base of every ITK3 MessageDefinition URL.</summary>
    public const string MessageDefinitionBase = "https://fhir.nhs.uk/STU3/MessageDefinition/";

    /// <summary>ITK-Message-Bundle-1, the outer message bundle.</summary>
    public const string MessageBundle = StructureDefinitionBase + "ITK-Message-Bundle-1";

    /// <summary>ITK-MessageHeader-2, the current header profile.</summary>
    public const string MessageHeader2 = StructureDefinitionBase + "ITK-MessageHeader-2";

    /// <summary>ITK-MessageHeader-1, the obsolete alpha header profile (unsupported).</summary>
    public const string MessageHeader1 = StructureDefinitionBase + "ITK-MessageHeader-1";

    /// <summary>Extension-ITK-MessageHandling-2, the handling specification.</summary>
    public const string MessageHandling2 = StructureDefinitionBase + "Extension-ITK-MessageHandling-2";

    /// <summary>Extension-ITK-MessageHandling-1, the obsolete key/value handling extension.</summary>
    public const string MessageHandling1 = StructureDefinitionBase + "Extension-ITK-MessageHandling-1";

    /// <summary>ITK-Document-Bundle-1, a document payload bundle.</summary>
    public const string DocumentBundle = StructureDefinitionBase + "ITK-Document-Bundle-1";

    /// <summary>ITK-Payload-Bundle-1, a non-document payload bundle.</summary>
    public const string PayloadBundle = StructureDefinitionBase + "ITK-Payload-Bundle-1";

    /// <summary>ITK-Response-OperationOutcome-1.</summary>
    public const string ResponseOperationOutcome = StructureDefinitionBase + "ITK-Response-OperationOutcome-1";

    /// <summary>CareConnect-ITK-Header-Organization-1.</summary>
    public const string HeaderOrganization = StructureDefinitionBase + "CareConnect-ITK-Header-Organization-1";

    /// <summary>CareConnect-ITK-Header-Practitioner-1.</summary>
    public const string HeaderPractitioner = StructureDefinitionBase + "CareConnect-ITK-Header-Practitioner-1";

    /// <summary>ITK-Response-MessageDefinition-1, the MessageDefinition of every ITK3 Response.</summary>
    public const string ResponseMessageDefinition = MessageDefinitionBase + "ITK-Response-MessageDefinition-1";

    /// <summary>The retired pre-2.5.1 name of the response MessageDefinition, accepted on receipt.</summary>
    public const string ResponseMessageDefinitionRetired = MessageDefinitionBase + "ITK-Response-MessageDefinition-Instance-1";

    /// <summary>The identifier system for UUID identifiers.</summary>
    public const string UuidSystem = "https://tools.ietf.org/html/rfc4122";

    /// <summary>ODS organisation code identifier system.</summary>
    public const string OdsOrganizationCode = "https://fhir.nhs.uk/Id/ods-organization-code";

    /// <summary>ODS site code identifier system.</summary>
    public const string OdsSiteCode = "https://fhir.nhs.uk/Id/ods-site-code";

    /// <summary>SDS user id identifier system.</summary>
    public const string SdsUserId = "https://fhir.nhs.uk/Id/sds-user-id";

    /// <summary>SDS role profile id identifier system.</summary>
    public const string SdsRoleProfileId = "https://fhir.nhs.uk/Id/sds-role-profile-id";

    /// <summary>The NHS number identifier system.</summary>
    public const string NhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";

    /// <summary>The fixed response.identifier when the original message's id cannot be read.</summary>
    public const string UnreadableIdentifier = "UNREADABLE-IN-ORIGINAL-MESSAGE";
}
