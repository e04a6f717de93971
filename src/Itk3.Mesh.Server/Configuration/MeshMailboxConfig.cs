namespace Itk3.Mesh.Server.Configuration;

/// <summary>One mailbox the server hosts.</summary>
public sealed record MeshMailboxConfig
{
    /// <summary>The mailbox ID, upper case letters and digits (e.g. <c>X26ITK01</c>).</summary>
    public string Id { get; set; } = "";

    /// <summary>The mailbox password that goes into the NHSMESH token's HMAC.</summary>
    public string Password { get; set; } = "";

    /// <summary>The ODS code of the organisation that owns the mailbox (used by endpoint lookup and GPPROVIDER routing).</summary>
    public string OdsCode { get; set; } = "";

    /// <summary>The display name shown by lookup and tracking (<c>mailbox_name</c>, <c>recipient_name</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>A disabled mailbox is refused (403) on every authenticated call, like a deactivated live mailbox (witness test 701).</summary>
    public bool Disabled { get; set; }
}
