using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Validation;

/// <summary>
/// Which recipients a flow's payload names (20010/20011): <c>none</c>, or <c>generalPractitioner</c> — the
/// Organizations and Practitioners the subject Patient's <c>generalPractitioner</c> references, by identifier system.
/// </summary>
public sealed record RecipientExtractorSettings
{
    /// <summary>The extractor that names nobody.</summary>
    public const string None = "none";

    /// <summary>The extractor that reads the subject Patient's generalPractitioner.</summary>
    public const string GeneralPractitioner = "generalPractitioner";

    /// <summary><c>none</c> or <c>generalPractitioner</c>.</summary>
    public string Kind { get; init; } = None;

    /// <summary>Identifier systems read from referenced Organizations (default: ODS organisation code).</summary>
    public IReadOnlyList<string> OrganizationSystems { get; init; } = [ItkUrls.OdsOrganizationCode];

    /// <summary>Identifier systems read from referenced Practitioners (default: SDS user id).</summary>
    public IReadOnlyList<string> PractitionerSystems { get; init; } = [ItkUrls.SdsUserId];
}
