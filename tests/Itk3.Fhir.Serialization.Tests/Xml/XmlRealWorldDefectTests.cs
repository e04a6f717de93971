using Itk3.Fhir.Issues;
using Itk3.Fhir.Serialization.Tests.Support;

namespace Itk3.Fhir.Serialization.Tests.Xml;

/// <summary>Defects seen in published NHS examples: rejected when strict, accepted with a warning when lenient.</summary>
public sealed class XmlRealWorldDefectTests
{
    private const string TextValue = "<name><text>Test PATIENT</text><family value=\"PATIENT\"/></name>";
    private const string PaddedCode = "<gender value=\"female \"/>";

    [Fact]
    public void Element_text_in_place_of_a_value_attribute_is_an_error_when_strict()
    {
        var result = XmlTesting.Parse(XmlTesting.Patient(TextValue));

        Assert.False(result.Success);
        Assert.Equal(IssueSeverity.Error, XmlTesting.Single(result, "value-as-text").Severity);
    }

    [Fact]
    public void Element_text_in_place_of_a_value_attribute_becomes_the_value_when_lenient()
    {
        var result = XmlTesting.Parse(XmlTesting.Patient(TextValue), strict: false);

        Assert.True(result.Success);
        var issue = XmlTesting.Single(result, "value-as-text");
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal("Patient.name[0].text", issue.Location);
        Assert.Equal("Test PATIENT", result.Root!.Select("name.text")!.Value);
    }

    [Fact]
    public void Text_beside_a_value_attribute_is_still_unexpected_content()
    {
        var result = XmlTesting.Parse(XmlTesting.Patient("<gender value=\"female\">female</gender>"), strict: false);

        Assert.Contains("xml-content-unexpected", XmlTesting.Codes(result));
    }

    [Fact]
    public void A_code_with_trailing_whitespace_is_an_error_when_strict_and_trimmed_with_a_warning_when_lenient()
    {
        var strict = XmlTesting.Parse(XmlTesting.Patient(PaddedCode));
        var lenient = XmlTesting.Parse(XmlTesting.Patient(PaddedCode), strict: false);

        Assert.Equal(IssueSeverity.Error, XmlTesting.Single(strict, "primitive-padded").Severity);
        Assert.True(lenient.Success);
        Assert.Equal(IssueSeverity.Warning, XmlTesting.Single(lenient, "primitive-padded").Severity);
        Assert.Equal("female", lenient.Root!.ChildValue("gender"));
    }

    [Fact]
    public void A_control_character_in_JSON_is_invalid_even_when_lenient_because_XML_cannot_carry_it()
    {
        var json = System.Text.Encoding.UTF8.GetBytes("{\"resourceType\":\"Patient\",\"gender\":\"fe\\u0001male\"}");

        var result = FhirSerializer.Parse(json, FhirFormat.Json, ParseOptions.Lenient);

        Assert.False(result.Success);
        Assert.Contains(result.Issues, issue => issue.Code == "primitive-invalid" && issue.Location == "Patient.gender");
    }
}
