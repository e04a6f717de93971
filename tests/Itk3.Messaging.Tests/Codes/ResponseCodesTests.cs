using Itk3.Fhir.Issues;
using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Tests.Codes;

public sealed class ResponseCodesTests
{
    [Fact]
    public void Table_holds_every_code_of_version_1_5_0_and_the_withdrawn_10006()
    {
        var expected = Enumerable.Range(10001, 10).Concat(Enumerable.Range(20001, 15)).Concat(Enumerable.Range(30001, 25)).Select(n => n.ToString());
        Assert.Equal(expected, ResponseCodes.All.Select(c => c.Code));
        Assert.True(ResponseCodes.All.Single(c => c.Code == "10006").IsWithdrawn);
        Assert.Single(ResponseCodes.All, c => c.IsWithdrawn);
    }

    [Fact]
    public void Withdrawn_10006_is_recognised_but_cannot_be_emitted()
    {
        Assert.True(ResponseCodes.TryGet("10006", out _));
        Assert.Throws<ArgumentException>(() => ResponseCodes.Get("10006"));
    }

    [Theory]
    [InlineData("20013", true, "ok", IssueSeverity.Information, IssueType.Informational)]
    [InlineData("10001", false, "fatal-error", IssueSeverity.Fatal, IssueType.Processing)]
    [InlineData("20006", false, "fatal-error", IssueSeverity.Fatal, IssueType.Invalid)]
    [InlineData("20007", false, "fatal-error", IssueSeverity.Fatal, IssueType.Duplicate)]
    [InlineData("20001", false, "fatal-error", IssueSeverity.Fatal, IssueType.NotFound)]
    [InlineData("20004", false, "fatal-error", IssueSeverity.Fatal, IssueType.Security)]
    [InlineData("20015", false, "fatal-error", IssueSeverity.Fatal, IssueType.Processing)]
    [InlineData("30001", true, "ok", IssueSeverity.Information, IssueType.Informational)]
    [InlineData("30002", false, "fatal-error", IssueSeverity.Fatal, IssueType.NotFound)]
    [InlineData("30003", false, "fatal-error", IssueSeverity.Fatal, IssueType.BusinessRule)]
    [InlineData("30007", false, "fatal-error", IssueSeverity.Warning, IssueType.Informational)]
    [InlineData("30014", false, "fatal-error", IssueSeverity.Information, IssueType.Informational)]
    [InlineData("30015", false, "fatal-error", IssueSeverity.Information, IssueType.Duplicate)]
    [InlineData("30025", false, "fatal-error", IssueSeverity.Warning, IssueType.Informational)]
    public void Each_code_maps_to_its_response_code_severity_and_issue_type(string code, bool positive, string headerCode, IssueSeverity severity, IssueType type)
    {
        var entry = ResponseCodes.Get(code);
        Assert.Equal(positive, entry.IsPositive);
        Assert.Equal(headerCode, entry.HeaderResponseCode);
        Assert.Equal(severity, entry.Severity);
        Assert.Equal(type, entry.IssueType);
    }

    [Fact]
    public void Levels_follow_the_code_prefix_and_only_20013_is_a_positive_infrastructure_code()
    {
        foreach (var code in ResponseCodes.All)
        {
            Assert.Equal(ResponseCodes.LevelOf(code.Code), code.Level);
        }

        Assert.Equal(["20013"], ResponseCodes.All.Where(c => c.Level == ResponseLevel.Infrastructure && c.IsPositive).Select(c => c.Code));
        Assert.All(ResponseCodes.All.Where(c => c.IsPositive), c => Assert.Equal("ok", c.HeaderResponseCode));
        Assert.All(ResponseCodes.All.Where(c => c.IsNegative), c => Assert.Equal("fatal-error", c.HeaderResponseCode));
    }

    [Fact]
    public void Displays_keep_the_exact_codesystem_characters()
    {
        Assert.Contains('\u2019', ResponseCodes.Get("30004").Display);
        Assert.Equal("Clinical escalation to A&E or 999", ResponseCodes.Get("30010").Display);
        Assert.Equal("ITK header validation failure", ResponseCodes.Get("20006").Display);
    }

    [Fact]
    public void Message_events_cover_ITK003D_to_ITK014M()
    {
        Assert.Equal(12, MessageEvents.All.Count);
        Assert.True(MessageEvents.TryGet("ITK008M", out var response));
        Assert.Equal("ITK Response", response.Display);
        Assert.False(MessageEvents.TryGet("ITK001M", out _));
    }

    [Fact]
    public void Flows_give_the_ack_workflow_for_each_payload_workflow()
    {
        Assert.Equal("TOC_FHIR_IP_DISCH_ACK", ItkFlows.FindByWorkflowId("TOC_FHIR_IP_DISCH")!.AckWorkflowId);
        Assert.Equal("ITK014M", ItkFlows.FindByWorkflowId("GPCONNECT_UPDATE_RECORD_ACK")!.EventCode);
        Assert.Equal("X_ACK", ItkFlows.AckWorkflowIdFor("X"));
        Assert.Equal("X_ACK", ItkFlows.AckWorkflowIdFor("X_ACK"));
        Assert.True(RecipientTypes.TryGet("FI", out var fi) && fi.Display == "For Information");
    }
}
