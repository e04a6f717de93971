using System.Text;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Profiles.FhirPath;
using Itk3.Fhir.Profiles.Validation;
using Itk3.Fhir.Serialization;
using Itk3.Testing;

namespace Itk3.Fhir.Profiles.Tests;

/// <summary>The native evaluations of ele-1 and ext-1 give the interpreter's result on every element of real documents.</summary>
public sealed class NativeInvariantTests
{
    public static TheoryData<string> Expressions => ["hasValue() or (children().count() > id.count())", "extension.exists() != value.exists()"];

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Native_evaluation_equals_the_interpreter_on_every_element(string expression)
    {
        var native = NativeInvariants.For(expression);
        Assert.NotNull(native);
        var parsed = FhirPathParser.Parse(expression);
        var compared = 0;
        foreach (var root in Documents())
        {
            var environment = new FhirPathEnvironment(root);
            foreach (var node in Walk(root))
            {
                var interpreted = FhirPathEvaluator.ToBoolean(FhirPathEvaluator.Evaluate(parsed, node, environment));
                Assert.True(interpreted == native(node), $"{expression} on {node.Name} ({node.Position}): interpreter {interpreted}, native {native(node)}");
                compared++;
            }
        }

        Assert.True(compared > 500, $"only {compared} elements compared");
    }

    [Fact]
    public void Both_results_occur_so_the_comparison_can_fail()
    {
        var empty = new ElementNode("code", null, []);
        var idOnly = new ElementNode("coding", null, [new ElementNode("id", "x")]);
        var both = new ElementNode("extension", null, [new ElementNode("extension", null, []), new ElementNode("valueString", "v")]);
        var ele1 = NativeInvariants.For("hasValue() or (children().count() > id.count())")!;
        var ext1 = NativeInvariants.For("extension.exists() != value.exists()")!;

        Assert.False(ele1(empty));
        Assert.False(ele1(idOnly));
        Assert.True(ele1(new ElementNode("code", "a")));
        Assert.False(ext1(both));
        Assert.True(ext1(new ElementNode("extension", null, [new ElementNode("valueString", "v")])));
    }

    private static IEnumerable<ElementNode> Documents()
    {
        yield return FhirSerializer.Parse(File.ReadAllBytes(RepositoryPaths.Fixture("discharge-summary-document.xml")), FhirFormat.Xml).Root!;
        yield return FhirSerializer.Parse(Encoding.UTF8.GetBytes(LetterFixture.LetterJson().ToJsonString()), FhirFormat.Json).Root!;
    }

    private static IEnumerable<ElementNode> Walk(ElementNode node)
    {
        yield return node;
        foreach (var descendant in node.Children.SelectMany(Walk))
        {
            yield return descendant;
        }
    }
}
