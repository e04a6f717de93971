using System.Text.Json;
using Itk3.Fhir.Issues;

namespace Itk3.Cli.Commands;

/// <summary>Prints issues as text lines (<c>path (line:col) code message</c>) or as a JSON document.</summary>
internal static class IssuePrinter
{
    /// <summary>One line per issue, prefixed with the severity.</summary>
    public static void WriteText(TextWriter output, string inputName, IReadOnlyList<Issue> issues)
    {
        foreach (var issue in issues)
        {
            output.WriteLine($"{issue.Severity.ToCode()}: {issue}");
        }

        var errors = issues.Count(issue => issue.IsError);
        output.WriteLine($"{inputName}: {errors} error(s), {issues.Count - errors} warning(s)");
    }

    /// <summary>A JSON object per input: its name, whether it is valid, and its issues.</summary>
    public static void WriteJson(Utf8JsonWriter writer, string inputName, IReadOnlyList<Issue> issues)
    {
        writer.WriteStartObject();
        writer.WriteString("input", inputName);
        writer.WriteBoolean("valid", !issues.Any(issue => issue.IsError));
        writer.WriteStartArray("issues");
        foreach (var issue in issues)
        {
            writer.WriteStartObject();
            writer.WriteString("code", issue.Code);
            writer.WriteString("severity", issue.Severity.ToCode());
            writer.WriteString("type", issue.Type.ToCode());
            writer.WriteString("location", issue.Location);
            writer.WriteNumber("line", issue.Position.Line);
            writer.WriteNumber("column", issue.Position.Column);
            writer.WriteString("message", issue.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
