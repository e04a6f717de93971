using Itk3.Fhir.Issues;
using static Itk3.Messaging.Codes.ResponseCodes;

namespace Itk3.Messaging.Codes;

/// <summary>The rows of ITK-ResponseCodes-1 v1.5.0 with the response-structure mapping of ITK3 2.10.0 (§8.3).</summary>
internal static class ResponseCodeTable
{
    public static IEnumerable<ResponseCode> Build()
    {
        const IssueType P = IssueType.Processing;
        const IssueType NF = IssueType.NotFound;
        const IssueSeverity W = IssueSeverity.Warning;
        const IssueType Info = IssueType.Informational;
        yield return Infra("10001", "Handling Specification Error", P);
        yield return Infra("10002", "Infrastructure Level Response Value - Processing Error", P);
        yield return Infra("10003", "Business Level Response Value - Processing Error", P);
        yield return Infra("10004", "Message Definition Value - Processing Error", P);
        yield return Infra("10005", "Message Definition Version Value - Processing Error", P);
        yield return Infra("10006", "Priority Value - Processing Error", P) with { IsWithdrawn = true };
        yield return Infra("10007", "Sender Reference Value - Processing Error", P);
        yield return Infra("10008", "Handling Specification Business Rule Error", P);
        yield return Infra("10009", "Unreadable message received", P);
        yield return Infra("10010", "Recipient Type - Processing Error", P);
        yield return Infra("20001", "Unrecognised Recipient Person", NF);
        yield return Infra("20002", "Unrecognised Recipient Organisation", NF);
        yield return Infra("20003", "Unrecognised Sender", NF);
        yield return Infra("20004", "Non-Approved file type received as an attachment", IssueType.Security);
        yield return Infra("20005", "Unsupported file type received as an attachment", IssueType.Security);
        yield return Infra("20006", "ITK header validation failure", IssueType.Invalid);
        yield return Infra("20007", "Duplicate Message received", IssueType.Duplicate);
        yield return Infra("20008", "Duplicate Document received", IssueType.Duplicate);
        yield return Infra("20009", "Payload validation failure", IssueType.Invalid);
        yield return Infra("20010", "Unrecognised Payload Recipient Organisation", NF);
        yield return Infra("20011", "Unrecognised Payload Recipient Person", NF);
        yield return Infra("20012", "Unauthorised Sender", IssueType.Security);
        yield return new ResponseCode("20013", ResponseLevel.Infrastructure, true, "ok", IssueSeverity.Information, Info, "Success");
        yield return Infra("20014", "Unable to Process Replacement Document", P);
        yield return Infra("20015", "Message too large", P);
        yield return BusinessPositive("30001", "Patient known here. (e.g. Patient is registered here)");
        yield return BusinessNegative("30002", "Patient not known here. (aka 'patient record not present in system')", IssueSeverity.Fatal, NF);
        yield return BusinessNegative("30003", "Patient no longer at this clinical setting", IssueSeverity.Fatal, IssueType.BusinessRule);
        yield return BusinessPositive("30004", "Patient known here and recently deceased (i.e. patient record current in GP practice system at time of patient\u2019s death and deduction subsequently occurred for this reason)");
        yield return BusinessPositive("30005", "Referral open");
        yield return BusinessPositive("30006", "Referral completed");
        yield return BusinessNegative("30007", "Referral escalated back to GP", W, Info);
        yield return BusinessPositive("30008", "Signposting to GP (non-urgent)");
        yield return BusinessPositive("30009", "Clinical escalation to UTC/111/GPOOH");
        yield return BusinessPositive("30010", "Clinical escalation to A&E or 999");
        yield return BusinessPositive("30011", "Advised to go elsewhere/self-referral");
        yield return BusinessNegative("30012", "Unable to contact the patient", W, Info);
        yield return BusinessPositive("30013", "Closure (service not needed)");
        yield return BusinessNegative("30014", "Closure (service not accepted)", IssueSeverity.Information, Info);
        yield return BusinessNegative("30015", "Closure (duplicate referral)", IssueSeverity.Information, IssueType.Duplicate);
        yield return BusinessPositive("30016", "Referral accepted");
        yield return BusinessNegative("30017", "Referral rejected", W, Info);
        yield return BusinessNegative("30018", "Did Not Attend", W, Info);
        yield return BusinessPositive("30019", "GP Registration - Application accepted");
        foreach (var (code, reason) in GpRegistrationNegatives())
        {
            yield return BusinessNegative(code, "GP Registration - " + reason, W, Info);
        }
    }

    private static IEnumerable<(string Code, string Reason)> GpRegistrationNegatives()
    {
        yield return ("30020", "Application pending (contact practice)");
        yield return ("30021", "Application rejected (patient already registered)");
        yield return ("30022", "Application rejected (at capacity)");
        yield return ("30023", "Application rejected (out of boundary)");
        yield return ("30024", "Application rejected (Previously removed from this practice)");
        yield return ("30025", "Application rejected (Previously removed from another practice)");
    }
}
