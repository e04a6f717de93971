using System.Net;
using System.Text;
using System.Text.Json;

namespace Itk3.Cli.Partner;

/// <summary>Writes the partner report as JSON (for machines) and HTML (for people).</summary>
internal static class ReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The report as indented JSON.</summary>
    public static string ToJson(PartnerReport report) => JsonSerializer.Serialize(new
    {
        report.Target,
        report.Workflow,
        report.Started,
        report.Finished,
        report.Passed,
        Summary = new { Cases = report.Cases.Count, report.PassedCases, Checks = report.TotalChecks, report.PassedChecks },
        Cases = report.Cases.Select(c => new { c.Id, c.Title, c.SpecReference, c.Passed, c.Checks }),
    }, JsonOptions);

    /// <summary>The report as a self-contained HTML page.</summary>
    public static string ToHtml(PartnerReport report)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>ITK3 partner report</title>")
            .Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px;vertical-align:top}")
            .Append(".pass{color:#075e07}.fail{color:#a00;font-weight:bold}</style></head><body>")
            .Append($"<h1>ITK3 partner report: {E(report.Target)}</h1>")
            .Append($"<p>Workflow {E(report.Workflow)}; {report.Started:u} to {report.Finished:u}. ")
            .Append($"<strong>{report.PassedCases} of {report.Cases.Count} cases, {report.PassedChecks} of {report.TotalChecks} checks passed.</strong></p>")
            .Append("<table><tr><th>Case</th><th>Check</th><th>Result</th><th>Expected</th><th>Actual</th><th>Specification</th></tr>");
        foreach (var c in report.Cases)
        {
            foreach (var (check, index) in c.Checks.Select((k, i) => (k, i)))
            {
                html.Append("<tr>");
                if (index == 0)
                {
                    html.Append($"<td rowspan=\"{c.Checks.Count}\"><strong>{E(c.Id)}</strong><br>{E(c.Title)}<br><small>{E(c.SpecReference)}</small></td>");
                }

                var verdict = check.Passed ? "<span class=\"pass\">pass</span>" : "<span class=\"fail\">FAIL</span>";
                html.Append($"<td>{E(check.Name)}</td><td>{verdict}</td><td>{E(check.Expected)}</td><td>{E(check.Actual)}</td><td>{E(check.SpecReference)}</td></tr>");
            }
        }

        return html.Append("</table></body></html>\n").ToString();
    }
}
