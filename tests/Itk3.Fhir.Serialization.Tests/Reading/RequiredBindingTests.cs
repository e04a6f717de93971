using System.Text;
using Itk3.Fhir.Issues;
using Itk3.Fhir.Serialization.Tests.Support;

namespace Itk3.Fhir.Serialization.Tests.Reading;

public sealed class RequiredBindingTests
{
    [Theory]
    [InlineData("""{"resourceType":"Patient","gender":"F"}""", "Patient.gender")]
    [InlineData("""{"resourceType":"Observation","status":"done","code":{"text":"x"}}""", "Observation.status")]
    [InlineData("""{"resourceType":"Patient","name":[{"use":"nickname","family":"A"},{"use":"Official","family":"B"}]}""", "Patient.name[1].use")]
    public void A_JSON_code_outside_its_required_value_set_is_an_error_at_the_element(string json, string location)
    {
        var result = Parse(json, FhirFormat.Json, ParseOptions.Default);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(("code-not-in-value-set", IssueSeverity.Error, IssueType.CodeInvalid, location), (issue.Code, issue.Severity, issue.Type, issue.Location));
        Assert.False(result.Success);
    }

    [Fact]
    public void An_XML_code_outside_its_required_value_set_is_an_error_when_strict_and_a_warning_when_lenient()
    {
        var xml = XmlTesting.Patient("<gender value=\"F\"/>");

        var strict = Parse(xml, FhirFormat.Xml, ParseOptions.Default);
        var lenient = Parse(xml, FhirFormat.Xml, ParseOptions.Lenient);

        Assert.Equal(("code-not-in-value-set", IssueSeverity.Error, "Patient.gender"), Describe(Assert.Single(strict.Issues)));
        Assert.Equal(("code-not-in-value-set", IssueSeverity.Warning, "Patient.gender"), Describe(Assert.Single(lenient.Issues)));
        Assert.True(lenient.Success);
        Assert.Equal("F", lenient.Root!.ChildValue("gender"));
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","gender":"female"}""")]
    [InlineData("""{"resourceType":"Patient","language":"x-not-enumerated"}""")]
    [InlineData("""{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueQuantity":{"value":1,"comparator":"<="}}""")]
    public void Codes_in_their_value_set_and_codes_of_value_sets_the_definitions_cannot_enumerate_pass(string json) =>
        Assert.Empty(Parse(json, FhirFormat.Json, ParseOptions.Default).Issues);

    [Fact]
    public void A_repeated_code_is_checked_against_each_value_set_it_is_bound_to()
    {
        // "male" is in gender's value set and not in link.type's; "seealso" the other way round. Each repeated value
        // is one cached string in the parse, so a check remembered per value would have to be per value set.
        var json = """{"resourceType":"Patient","gender":"seealso","contact":[{"gender":"male"}],"link":[{"other":{"reference":"Patient/1"},"type":"male"},{"other":{"reference":"Patient/2"},"type":"seealso"}]}""";

        var issues = Parse(json, FhirFormat.Json, ParseOptions.Default).Issues;

        Assert.Equal(
            [("code-not-in-value-set", IssueSeverity.Error, "Patient.gender"), ("code-not-in-value-set", IssueSeverity.Error, "Patient.link[0].type")],
            issues.Select(Describe));
    }

    private static ParseResult Parse(string text, FhirFormat format, ParseOptions options) =>
        FhirSerializer.Parse(Encoding.UTF8.GetBytes(text), format, options);

    private static (string, IssueSeverity, string) Describe(Issue issue) => (issue.Code, issue.Severity, issue.Location);
}
