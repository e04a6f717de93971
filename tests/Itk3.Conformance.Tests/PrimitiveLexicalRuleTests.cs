using Itk3.Fhir.Primitives;
using Itk3.Testing;

namespace Itk3.Conformance.Tests;

public sealed class PrimitiveLexicalRuleTests
{
    public static TheoryData<string> Primitives => new(PrimitiveTable.Types);

    [RequiresDefinitionsTheory]
    [MemberData(nameof(Primitives))]
    public void The_engine_accepts_exactly_the_values_the_official_XSD_accepts(string type)
    {
        var disagreements = new List<string>();
        foreach (var value in PrimitiveTable.Values[type])
        {
            var xsd = XsdPrimitiveOracle.Instance.Accepts(type, value) && XsdPrimitiveOracle.SurvivesWhitespaceProcessing(type, value);
            // An empty value is refused by FHIR's general rule (no empty attributes), reported as element-empty.
            var expected = xsd && value.Length > 0 && !PrimitiveTable.StricterThanXsd.ContainsKey((type, value));
            var engine = value.Length > 0 && PrimitiveLexicon.IsValid(type, value);
            if (engine != expected)
            {
                disagreements.Add($"'{value}': engine {engine}, XSD {xsd}");
            }
        }

        Assert.True(disagreements.Count == 0, $"{type}: " + string.Join("; ", disagreements));
        Assert.Contains(PrimitiveTable.Values[type], value => PrimitiveLexicon.IsValid(type, value));
        Assert.Contains(PrimitiveTable.Values[type], value => value.Length == 0 || !PrimitiveLexicon.IsValid(type, value));
    }

    [RequiresDefinitionsFact]
    public void Every_stricter_than_XSD_case_is_one_the_XSD_itself_accepts()
    {
        foreach (var ((type, value), _) in PrimitiveTable.StricterThanXsd)
        {
            Assert.True(XsdPrimitiveOracle.Instance.Accepts(type, value), $"{type} '{value}'");
            Assert.False(PrimitiveLexicon.IsValid(type, value), $"{type} '{value}'");
        }
    }
}
