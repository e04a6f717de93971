using Itk3.Fhir.Profiles;
using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>
/// 20009: the payload does not meet the profiles its flow names (<see cref="ReceiverFlow.PayloadProfiles"/>). Diagnostics
/// give the issue code, the profile and the element only: never values from the payload (no patient data).
/// </summary>
internal sealed class PayloadProfileRule : IMessageRule
{
    private const int MaxFindings = 20;

    public string Name => "payload-profiles";

    public void Check(ValidationContext context)
    {
        if (context.Message is not { Header.IsResponse: false } message
            || context.Flow is not { PayloadProfiles.Count: > 0 } flow
            || message.Payload is not { Resource: { } payload } entry)
        {
            return;
        }

        if (context.Profile.PayloadValidator is not { } validator)
        {
            context.Report(ResponseCodes.PayloadValidationFailure, entry.Location, payload,
                "This flow requires payload profiles, but the receiver profile loads no profile package (profilePackages).");
            return;
        }

        var errors = validator.Validate(payload, flow.PayloadProfiles).Issues.Where(issue => issue.IsError).ToList();
        var location = $"{entry.Location}.ofType({payload.ResourceType})";
        foreach (var error in errors.Take(MaxFindings))
        {
            context.Report(ResponseCodes.PayloadValidationFailure, location + Relative(error, payload.ResourceType), error.Issue.Position, Diagnostics(error));
        }

        if (errors.Count > MaxFindings)
        {
            context.Report(ResponseCodes.PayloadValidationFailure, location, payload, $"{errors.Count - MaxFindings} further profile error(s) not listed.");
        }
    }

    private static string Relative(ProfileIssue issue, string? rootName)
    {
        var path = issue.Issue.Location;
        return rootName is not null && path.StartsWith(rootName, StringComparison.Ordinal) ? path[rootName.Length..] : string.Empty;
    }

    private static string Diagnostics(ProfileIssue issue) =>
        $"The payload does not meet profile {issue.Profile}: {issue.Code} at {issue.ElementId ?? "(root)"}.";
}
