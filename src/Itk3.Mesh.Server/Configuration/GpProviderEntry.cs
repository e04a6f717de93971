namespace Itk3.Mesh.Server.Configuration;

/// <summary>One row of the fake PDS table used for GPPROVIDER routing: a patient and their registered practice.</summary>
public sealed record GpProviderEntry
{
    /// <summary>The patient's 10-digit NHS number.</summary>
    public string NhsNumber { get; set; } = "";

    /// <summary>The patient's date of birth as <c>yyyyMMdd</c>.</summary>
    public string DateOfBirth { get; set; } = "";

    /// <summary>The patient's surname (compared case-insensitively).</summary>
    public string Surname { get; set; } = "";

    /// <summary>The ODS code of the GP practice the patient is registered with.</summary>
    public string OdsCode { get; set; } = "";
}
