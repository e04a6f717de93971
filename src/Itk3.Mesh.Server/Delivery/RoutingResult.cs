namespace Itk3.Mesh.Server.Delivery;

/// <summary>Where a message goes: a mailbox, or a MESH error code and description for the REPORT sent back.</summary>
internal sealed record RoutingResult(string? Mailbox, string? ErrorCode, string? ErrorDescription)
{
    public static RoutingResult To(string mailbox) => new(mailbox, null, null);

    public static RoutingResult Fail(string code, string description) => new(null, code, description);

    public bool Succeeded => Mailbox is not null;
}
