namespace Itk3.Messaging.Codes;

/// <summary>ITK-RecipientType-1 as data.</summary>
public static class RecipientTypes
{
    /// <summary>The CodeSystem URL fixed in the RecipientType key's coding.</summary>
    public const string System = "https://fhir.nhs.uk/STU3/CodeSystem/ITK-RecipientType-1";

    /// <summary>FA: the recipient is required to act.</summary>
    public static readonly RecipientType ForAction = new("FA", "For Action");

    /// <summary>FI: no action is required.</summary>
    public static readonly RecipientType ForInformation = new("FI", "For Information");

    /// <summary>Both codes.</summary>
    public static IReadOnlyList<RecipientType> All { get; } = [ForAction, ForInformation];

    /// <summary>Finds a recipient type by code; false for anything else.</summary>
    public static bool TryGet(string? code, out RecipientType recipientType)
    {
        recipientType = code switch
        {
            "FA" => ForAction,
            "FI" => ForInformation,
            _ => null!,
        };
        return recipientType is not null;
    }
}
