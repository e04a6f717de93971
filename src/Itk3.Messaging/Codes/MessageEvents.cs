using System.Collections.Frozen;

namespace Itk3.Messaging.Codes;

/// <summary>ITK-MessageEvent-2 v2.8.0 (ITK003D to ITK014M) as data.</summary>
public static class MessageEvents
{
    /// <summary>The CodeSystem URL fixed in <c>MessageHeader.event.system</c>.</summary>
    public const string System = "https://fhir.nhs.uk/STU3/CodeSystem/ITK-MessageEvent-2";

    /// <summary>ITK003D ITK eDischarge.</summary>
    public static readonly MessageEvent EDischarge = new("ITK003D", "ITK eDischarge");

    /// <summary>ITK004D ITK Mental Health eDischarge.</summary>
    public static readonly MessageEvent MentalHealthEDischarge = new("ITK004D", "ITK Mental Health eDischarge");

    /// <summary>ITK005D ITK Emergency Care eDischarge.</summary>
    public static readonly MessageEvent EmergencyCareEDischarge = new("ITK005D", "ITK Emergency Care eDischarge");

    /// <summary>ITK006D ITK Outpatient Letter.</summary>
    public static readonly MessageEvent OutpatientLetter = new("ITK006D", "ITK Outpatient Letter");

    /// <summary>ITK007C ITK GP Connect Send Document.</summary>
    public static readonly MessageEvent GpConnectSendDocument = new("ITK007C", "ITK GP Connect Send Document");

    /// <summary>ITK008M ITK Response: every ITK3 Response.</summary>
    public static readonly MessageEvent Response = new("ITK008M", "ITK Response");

    /// <summary>ITK009D ITK Digital Medicine Immunization Document.</summary>
    public static readonly MessageEvent Immunization = new("ITK009D", "ITK Digital Medicine Immunization Document");

    /// <summary>ITK010D ITK Digital Medicine Emergency Supply Document.</summary>
    public static readonly MessageEvent EmergencySupply = new("ITK010D", "ITK Digital Medicine Emergency Supply Document");

    /// <summary>ITK011M ITK Events Management Service.</summary>
    public static readonly MessageEvent EventsManagementService = new("ITK011M", "ITK Events Management Service");

    /// <summary>ITK012M ITK National Pathology.</summary>
    public static readonly MessageEvent NationalPathology = new("ITK012M", "ITK National Pathology");

    /// <summary>ITK013D ITK Digital Medicine Minor Illness Document.</summary>
    public static readonly MessageEvent MinorIllness = new("ITK013D", "ITK Digital Medicine Minor Illness Document");

    /// <summary>ITK014M ITK Update Record.</summary>
    public static readonly MessageEvent UpdateRecord = new("ITK014M", "ITK Update Record");

    /// <summary>Every current event in code order.</summary>
    public static IReadOnlyList<MessageEvent> All { get; } =
    [
        EDischarge, MentalHealthEDischarge, EmergencyCareEDischarge, OutpatientLetter, GpConnectSendDocument, Response,
        Immunization, EmergencySupply, EventsManagementService, NationalPathology, MinorIllness, UpdateRecord,
    ];

    private static readonly FrozenDictionary<string, MessageEvent> ByCode = All.ToFrozenDictionary(e => e.Code);

    /// <summary>Finds an event by code; false for unknown (extensible binding: unknown codes are not a parse error).</summary>
    public static bool TryGet(string? code, out MessageEvent messageEvent)
    {
        if (code is not null && ByCode.TryGetValue(code, out var found))
        {
            messageEvent = found;
            return true;
        }

        messageEvent = null!;
        return false;
    }
}
