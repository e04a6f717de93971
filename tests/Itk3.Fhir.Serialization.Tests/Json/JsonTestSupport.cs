using System.Text;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Issues;

namespace Itk3.Fhir.Serialization.Tests.Json;

/// <summary>Shared helpers for the JSON tests: parse text, write trees, and print trees for golden files.</summary>
internal static class JsonTestSupport
{
    public static ParseResult Parse(string json, ParseOptions? options = null) =>
        FhirSerializer.Parse(Encoding.UTF8.GetBytes(json), FhirFormat.Json, options);

    public static ElementNode ParseValid(string json)
    {
        var result = Parse(json);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Issues));
        Assert.Empty(result.Issues);
        return result.Root!;
    }

    public static string Write(ElementNode node, bool indented = false) =>
        Encoding.UTF8.GetString(FhirSerializer.SerializeToBytes(node, FhirFormat.Json, indented ? WriteOptions.Pretty : WriteOptions.Compact));

    public static IReadOnlyList<string> Codes(ParseResult result) => result.Issues.Select(issue => issue.Code).ToList();

    public static Issue Single(ParseResult result, string code)
    {
        var matches = result.Issues.Where(issue => issue.Code == code).ToList();
        Assert.True(matches.Count == 1, $"Expected one {code}, got: {string.Join(" | ", result.Issues)}");
        return matches[0];
    }

    /// <summary>One line per node: indentation, name, [resource type], =value (JSON-quoted).</summary>
    public static string Dump(ElementNode node)
    {
        var builder = new StringBuilder();
        Dump(node, 0, builder);
        return builder.ToString();
    }

    private static void Dump(ElementNode node, int depth, StringBuilder builder)
    {
        builder.Append(' ', depth * 2).Append(node.Name);
        if (node.ResourceType is not null)
        {
            builder.Append(" [").Append(node.ResourceType).Append(']');
        }

        if (node.Value is not null)
        {
            builder.Append(" = ").Append(System.Text.Json.JsonSerializer.Serialize(node.Value, RelaxedOptions));
        }

        builder.Append('\n');
        foreach (var child in node.Children)
        {
            Dump(child, depth + 1, builder);
        }
    }

    private static readonly System.Text.Json.JsonSerializerOptions RelaxedOptions =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
