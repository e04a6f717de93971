using Itk3.Fhir.Issues;

namespace Itk3.Gateway.Application;

/// <summary>A refused request: a stable code from <see cref="GatewayErrorCodes"/> and a short detail naming the field.</summary>
/// <param name="Code">The stable code.</param>
/// <param name="Detail">A human-readable detail (never payload content).</param>
public sealed record GatewayError(string Code, string Detail)
{
    /// <summary>The located FHIR issues of a refused payload (path, line and column, code); empty otherwise.</summary>
    public IReadOnlyList<Issue> Issues { get; init; } = [];

    /// <summary>Every issue of a payload refused by profile validation (errors, warnings and what was not checked), each with its profile and element id; empty otherwise.</summary>
    public IReadOnlyList<Itk3.Fhir.Profiles.ProfileIssue> ProfileIssues { get; init; } = [];
}
