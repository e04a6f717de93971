using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>20006: MessageHeader.response and its ITK-Response-OperationOutcome-1 (§4, §9.1).</summary>
internal static class ResponseStructure
{
    private const string Code = ResponseCodes.HeaderValidationFailure;

    public static void Check(ValidationContext context, ItkMessage message, ItkHeader header)
    {
        var response = header.Node.Child("response")!;
        var location = header.Location + ".response";
        RuleSupport.Require(context, Code, response, location, "identifier");
        var code = RuleSupport.Require(context, Code, response, location, "code");
        if (code is not null && code.Value is not ("ok" or "transient-error" or "fatal-error"))
        {
            context.Report(Code, location + ".code", code, "response.code must come from the response-code value set.");
        }

        if (RuleSupport.Require(context, Code, response, location, "details") is not { } details)
        {
            return;
        }

        if (message.Response?.Details is not { ResourceType: "OperationOutcome" } outcome)
        {
            context.Report(Code, location + ".details", details, "response.details must reference an OperationOutcome entry.");
            return;
        }

        CheckOutcome(context, outcome);
        if (message.Response.Known is { } known && code?.Value is { } headerCode && headerCode != known.HeaderResponseCode)
        {
            context.Report(Code, location + ".code", code, "response.code contradicts the ITK response code it carries.");
        }
    }

    // The withdrawn 10006 is still recognised on receipt (old senders); any other code must be in the programme's set.
    private static bool IsDefined(ValidationContext context, string? code) =>
        ResponseCodes.TryGet(code, out var known) && (known.IsWithdrawn || context.Profile.CodeSet.Contains(code));

    private static void CheckOutcome(ValidationContext context, ItkEntry outcome)
    {
        var location = outcome.Location + ".ofType(OperationOutcome)";
        var issues = outcome.Resource!.ChildrenNamed("issue").ToList();
        if (issues.Count == 0)
        {
            context.Report(Code, location + ".issue", outcome.Resource, "The OperationOutcome needs an issue (1..*).");
        }

        foreach (var issue in issues)
        {
            RuleSupport.Require(context, Code, issue, location + ".issue", "severity");
            RuleSupport.Require(context, Code, issue, location + ".issue", "code");
            var coding = issue.Child("details")?.Child("coding");
            if (coding is null || coding.ChildValue("system") != ResponseCodes.System || !IsDefined(context, coding.ChildValue("code")))
            {
                context.Report(Code, location + ".issue.details", issue, $"issue.details must carry a code of ITK-ResponseCodes-1 as ITK3 {context.Profile.CodeSet.Programme} defines it.");
            }
            else
            {
                RuleSupport.Require(context, Code, coding, location + ".issue.details.coding", "display");
            }
        }
    }
}
