using System.Runtime.CompilerServices;
using System.Text;
using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Serialization.Tests.Json;

/// <summary>
/// Each <c>Golden/Json/NAME.input.json</c> is parsed and written back indented; the output must equal
/// <c>NAME.json</c> and the tree must print as <c>NAME.tree.txt</c>. Set ITK3_UPDATE_GOLDEN=1 to rewrite both.
/// The same inputs must come back unchanged through XML (JSON -> XML -> JSON).
/// </summary>
public sealed class JsonGoldenTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(GoldenDirectory(), "*.input.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file)[..^".input.json".Length]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Golden_input_parses_without_issues_and_writes_the_expected_canonical_json(string name)
    {
        var input = File.ReadAllBytes(Path.Combine(GoldenDirectory(), name + ".input.json"));
        var result = FhirSerializer.Parse(input, FhirFormat.Json);
        Assert.True(result.Issues.Count == 0, string.Join(Environment.NewLine, result.Issues));

        var written = JsonTestSupport.Write(result.Root!, indented: true) + "\n";
        CompareOrUpdate(name + ".json", written);
        CompareOrUpdate(name + ".tree.txt", JsonTestSupport.Dump(result.Root!));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Golden_output_reads_back_to_the_same_tree_and_the_same_bytes(string name)
    {
        var original = FhirSerializer.Parse(File.ReadAllBytes(Path.Combine(GoldenDirectory(), name + ".input.json")), FhirFormat.Json).Root!;
        var compact = FhirSerializer.SerializeToBytes(original, FhirFormat.Json);
        var reread = FhirSerializer.Parse(compact, FhirFormat.Json);

        Assert.Empty(reread.Issues);
        Assert.Null(ElementTreeComparer.FindDifference(original, reread.Root!));
        Assert.Equal(compact, FhirSerializer.SerializeToBytes(reread.Root!, FhirFormat.Json));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Golden_input_survives_json_to_xml_to_json(string name)
    {
        var original = FhirSerializer.Parse(File.ReadAllBytes(Path.Combine(GoldenDirectory(), name + ".input.json")), FhirFormat.Json).Root!;
        var xml = FhirSerializer.SerializeToBytes(original, FhirFormat.Xml);
        var fromXml = FhirSerializer.Parse(xml, FhirFormat.Xml);

        Assert.True(fromXml.Issues.Count == 0, string.Join(Environment.NewLine, fromXml.Issues));
        Assert.Null(ElementTreeComparer.FindDifference(original, fromXml.Root!));
        Assert.Equal(FhirSerializer.SerializeToBytes(original, FhirFormat.Json), FhirSerializer.SerializeToBytes(fromXml.Root!, FhirFormat.Json));
    }

    private static void CompareOrUpdate(string fileName, string actual)
    {
        var path = Path.Combine(GoldenDirectory(), fileName);
        if (Environment.GetEnvironmentVariable("ITK3_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(path), $"{fileName} is missing; run with ITK3_UPDATE_GOLDEN=1 and review the diff.");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string GoldenDirectory([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "Golden", "Json");
}
