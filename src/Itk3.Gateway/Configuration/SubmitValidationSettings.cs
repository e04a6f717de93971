namespace Itk3.Gateway.Configuration;

/// <summary>
/// A flow's <c>validate</c> option: submitted payloads are validated against STU3 profiles (from the node's
/// <c>profilePackages</c>) before anything is stored or sent; a payload with a profile error is refused.
/// </summary>
public sealed record SubmitValidationSettings
{
    /// <summary>Canonical URLs of the profiles the payload resource (e.g. the document Bundle) must meet; each must be in the node's <c>profilePackages</c>.</summary>
    public IReadOnlyList<string> Profiles { get; init; } = [];

    /// <summary>Also validate the payload and the resources it holds against the profiles they claim in <c>meta.profile</c> (a claimed profile that is not loaded is reported as not checked, never refused).</summary>
    public bool MetaProfile { get; init; } = true;
}
