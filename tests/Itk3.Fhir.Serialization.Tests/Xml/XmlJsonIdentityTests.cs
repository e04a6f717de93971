using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Schema;
using Itk3.Fhir.Serialization.Tests.Support;
using Xunit.Abstractions;

namespace Itk3.Fhir.Serialization.Tests.Xml;

public sealed class XmlJsonIdentityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("message-bundle")]
    [InlineData("document-bundle")]
    [InlineData("primitives")]
    public void Xml_to_json_to_xml_gives_back_the_same_tree_and_bytes(string name)
    {
        var xml = GoldenFile.Read($"Xml/{name}.xml");
        var fromXml = XmlTesting.Parse(xml).Root!;

        var json = FhirSerializer.SerializeToBytes(fromXml, FhirFormat.Json);
        var fromJson = FhirSerializer.Parse(json, FhirFormat.Json);

        Assert.Empty(fromJson.Issues);
        Assert.Null(ElementTreeComparer.FindDifference(fromXml, fromJson.Root!));
        Assert.Equal(xml, XmlTesting.Write(fromJson.Root!, indented: true));
    }

    // decimal-list holds a RiskAssessment without its required outcome (the readers do not check cardinality), so only
    // its round trip is checked.
    [Theory]
    [InlineData("message-bundle", true)]
    [InlineData("contained-narrative", true)]
    [InlineData("decimal-list", false)]
    public void Json_to_xml_to_json_gives_back_the_same_tree_and_bytes(string name, bool schemaValid)
    {
        var json = GoldenFile.Read($"Json/{name}.json");
        var fromJson = FhirSerializer.Parse(json, FhirFormat.Json);
        Assert.Empty(fromJson.Issues);

        var xml = XmlTesting.Write(fromJson.Root!);
        if (schemaValid)
        {
            XmlTesting.AssertSchemaValid(xml);
        }

        var fromXml = XmlTesting.Parse(xml);

        Assert.Empty(fromXml.Issues);
        Assert.Null(ElementTreeComparer.FindDifference(fromJson.Root!, fromXml.Root!));
        Assert.Equal(FhirSerializer.SerializeToBytes(fromJson.Root!, FhirFormat.Json), FhirSerializer.SerializeToBytes(fromXml.Root!, FhirFormat.Json));
    }

    [Fact]
    public void Random_trees_cross_between_json_and_xml_unchanged()
    {
        var baseSeed = int.TryParse(Environment.GetEnvironmentVariable("ITK3_PROPERTY_SEED"), out var configured) ? configured : 31337;
        for (var i = 0; i < 100; i++)
        {
            var seed = baseSeed + i;
            try
            {
                var tree = new RandomTreeGenerator(Stu3Schema.Instance, new Random(seed)).Resource();
                var viaJson = FhirSerializer.Parse(FhirSerializer.SerializeToBytes(tree, FhirFormat.Json), FhirFormat.Json);
                Assert.True(viaJson.Issues.Count == 0, string.Join("; ", viaJson.Issues.Select(issue => $"{issue.Code} {issue.Location}")));
                Assert.Null(ElementTreeComparer.FindDifference(tree, viaJson.Root!));
                var viaXml = XmlTesting.Parse(XmlTesting.Write(viaJson.Root!));
                Assert.Empty(viaXml.Issues);
                Assert.Null(ElementTreeComparer.FindDifference(tree, viaXml.Root!));
            }
            catch (Exception)
            {
                output.WriteLine($"Failing seed: {seed} (rerun with ITK3_PROPERTY_SEED={seed})");
                throw;
            }
        }
    }
}
