using Itk3.Messaging.Codes;
using Itk3.Messaging.Validation;

namespace Itk3.Cli.Partner;

/// <summary>Checks the responses of one case against the specification: pattern, codes, correlation, SenderReference echo, structure, workflow and timing.</summary>
internal sealed class CaseEvaluator(string workflow, TimeSpan timeout)
{
    private static readonly ReceiverProfile ResponseProfile = ReceiverProfile.Permissive with { Duplicates = new DuplicateSettings { Messages = false, Documents = false } };

    /// <summary>The report of one case.</summary>
    public CaseReport Evaluate(CaseRun run)
    {
        var c = run.Case;
        var responses = run.Responses;
        var codes = responses.Select(r => r.Message.Response?.Code ?? "?").ToList();
        var seen = codes.Count == 0 ? "no response" : string.Join(", ", codes);
        var checks = new List<CheckResult> { Pattern(c, codes, seen) };
        if (responses.Count > 0)
        {
            var expectedId = c.MessageHeaderId ?? ItkUrls.UnreadableIdentifier;
            checks.Add(Check("correlation", responses.All(r => r.Message.Header?.ResponseIdentifier == expectedId), $"response.identifier = {expectedId}",
                string.Join(", ", responses.Select(r => r.Message.Header?.ResponseIdentifier ?? "(none)")), "§9.2; §19 item 1"));
            if (c.SenderReference is { } reference)
            {
                checks.Add(Check("sender-reference", responses.All(r => r.Message.Header?.Handling?.SenderReference == reference), $"SenderReference echoed ({reference})",
                    string.Join(", ", responses.Select(r => r.Message.Header?.Handling?.SenderReference ?? "(none)")), "§9.2; §19 item 11"));
            }

            var invalid = responses.Select(r => new MessageValidator(ResponseProfile).Validate(r.Content)).Where(v => !v.IsAccepted).ToList();
            checks.Add(Check("structure", invalid.Count == 0, "each response a valid ITK3 Response (ITK-Message-Bundle-1, ITK-Response-OperationOutcome-1)",
                invalid.Count == 0 ? "valid" : string.Join("; ", invalid.Select(v => v.Findings[0].ToString())), "§9.1"));
            var ack = ItkFlows.AckWorkflowIdFor(workflow);
            checks.Add(Check("workflow", responses.All(r => r.WorkflowId == ack), ack, string.Join(", ", responses.Select(r => r.WorkflowId ?? "(none)")), "§14"));
            var slowest = responses.Max(r => r.ReceivedAt) - (run.SentAt ?? responses[0].ReceivedAt);
            checks.Add(Check("timing", slowest <= timeout, $"within {timeout.TotalSeconds:0} s", $"{slowest.TotalSeconds:0.0} s", "§10.4; R38"));
        }

        return new CaseReport(c.Id, c.Title, c.SpecReference, checks);
    }

    private static CheckResult Pattern(SuiteCase c, List<string> codes, string seen)
    {
        switch (c.Expectation)
        {
            case CaseExpectation.Rejected:
                return Check("code", codes.Count == 1 && c.Codes.Contains(codes[0]), $"exactly one response: {string.Join(" or ", c.Codes)}", seen, $"{c.SpecReference}; R39; R40");
            case CaseExpectation.Silent:
                return Check("pattern", codes.Count == 0 || (codes.Count == 1 && c.Codes.Contains(codes[0])), $"no response (or one {string.Join("/", c.Codes)})", seen, c.SpecReference);
            default:
                if (codes.Count == 1 && codes[0] != ResponseCodes.Success && c.Codes.Contains(codes[0]))
                {
                    return Check("pattern", true, $"20013 (or {codes[0]} where the payload specification mandates the flags)", seen, c.SpecReference);
                }

                var expected = new List<string>();
                if (c.InfAckRequested)
                {
                    expected.Add(ResponseCodes.Success);
                }

                var businessOk = !c.BusAckRequested || (codes.Count == expected.Count + 1 && ResponseCodes.LevelOf(codes[^1]) == ResponseLevel.Business);
                var infraOk = codes.Take(expected.Count).SequenceEqual(expected);
                var count = expected.Count + (c.BusAckRequested ? 1 : 0);
                var want = string.Join(" then ", expected.Concat(c.BusAckRequested ? ["one business response 3xxxx"] : []));
                return Check("pattern", infraOk && businessOk && codes.Count == count, want.Length == 0 ? "no response" : want, seen, $"{c.SpecReference}; §10.1; R40");
        }
    }

    private static CheckResult Check(string name, bool passed, string expected, string actual, string reference) => new(name, passed, expected, actual, reference);
}
