using System.Text.Json;
using Itk3.Fhir.Issues;
using Itk3.Fhir.Profiles;

namespace Itk3.Cli.Commands;

/// <summary>Prints issues as text lines (<c>path (line:col) code message</c>) or as a JSON document.</summary>
internal static class IssuePrinter
{
    /// <summary>One line per issue, prefixed with the severity; profile issues end with <c>[profile#element]</c>.</summary>
    public static void WriteText(TextWriter output, string inputName, IReadOnlyList<Issue> issues, IReadOnlyList<ProfileIssue>? profileIssues = null)
    {
        foreach (var issue in issues)
        {
            output.WriteLine($"{issue.Severity.ToCode()}: {issue}");
        }

        profileIssues ??= [];
        foreach (var issue in profileIssues)
        {
            output.WriteLine($"{issue.Issue.Severity.ToCode()}: {issue}");
        }

        var all = issues.Concat(profileIssues.Select(p => p.Issue)).ToList();
        var errors = all.Count(issue => issue.IsError);
        var information = all.Count(issue => issue.Severity == IssueSeverity.Information);
        output.WriteLine(information == 0
            ? $"{inputName}: {errors} error(s), {all.Count - errors} warning(s)"
            : $"{inputName}: {errors} error(s), {all.Count - errors - information} warning(s), {information} information (not checked)");
    }

    /// <summary>A JSON object per input: its name, whether it is valid, and its issues.</summary>
    public static void WriteJson(Utf8JsonWriter writer, string inputName, IReadOnlyList<Issue> issues, IReadOnlyList<ProfileIssue>? profileIssues = null)
    {
        profileIssues ??= [];
        writer.WriteStartObject();
        writer.WriteString("input", inputName);
        writer.WriteBoolean("valid", !issues.Any(issue => issue.IsError) && !profileIssues.Any(issue => issue.IsError));
        writer.WriteStartArray("issues");
        foreach (var (issue, profile, elementId) in issues.Select(i => (i, (string?)null, (string?)null)).Concat(profileIssues.Select(p => (p.Issue, p.Profile, p.ElementId))))
        {
            writer.WriteStartObject();
            writer.WriteString("code", issue.Code);
            writer.WriteString("severity", issue.Severity.ToCode());
            writer.WriteString("type", issue.Type.ToCode());
            writer.WriteString("location", issue.Location);
            writer.WriteNumber("line", issue.Position.Line);
            writer.WriteNumber("column", issue.Position.Column);
            writer.WriteString("message", issue.Message);
            if (profile is not null)
            {
                writer.WriteString("profile", profile);
                writer.WriteString("elementId", elementId);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
