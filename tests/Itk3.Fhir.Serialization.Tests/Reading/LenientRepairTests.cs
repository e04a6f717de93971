using System.Text;
using Itk3.Fhir.Issues;
using Itk3.Fhir.Serialization.Tests.Support;

namespace Itk3.Fhir.Serialization.Tests.Reading;

public sealed class LenientRepairTests
{
    [Theory]
    [InlineData("<active value=\" true\"/>", "active", "true")]
    [InlineData("<multipleBirthInteger value=\"2 \"/>", "multipleBirthInteger", "2")]
    [InlineData("<birthDate value=\" 1970-01-01\"/>", "birthDate", "1970-01-01")]
    [InlineData("<gender value=\"female \"/>", "gender", "female")]
    public void A_padded_XML_value_read_leniently_is_trimmed_with_a_warning_and_converts_to_valid_JSON(string element, string name, string expected)
    {
        var result = XmlTesting.Parse(XmlTesting.Patient(element), strict: false);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(("primitive-padded", IssueSeverity.Warning, "Patient." + name), (issue.Code, issue.Severity, issue.Location));
        Assert.Equal(expected, result.Root!.ChildValue(name));
        var json = FhirSerializer.SerializeToBytes(result.Root, FhirFormat.Json);
        Assert.Empty(FhirSerializer.Parse(json, FhirFormat.Json).Issues);
    }

    [Fact]
    public void A_padded_decimal_read_leniently_is_trimmed_and_written_as_a_JSON_number()
    {
        var xml = "<Observation xmlns=\"http://hl7.org/fhir\"><status value=\"final\"/><code><text value=\"x\"/></code><valueQuantity><value value=\" 1.5\"/></valueQuantity></Observation>";

        var result = XmlTesting.Parse(xml, strict: false);

        Assert.Equal(["primitive-padded"], XmlTesting.Codes(result));
        var json = Encoding.UTF8.GetString(FhirSerializer.SerializeToBytes(result.Root!, FhirFormat.Json));
        Assert.Contains("\"value\":1.5", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","id":"p","meta":{},"active":true}""", "Patient.meta")]
    [InlineData("""{"resourceType":"Patient","id":"p","birthDate":"","active":true}""", "Patient.birthDate")]
    [InlineData("""{"resourceType":"Patient","id":"p","name":[{"family":""}],"active":true}""", "Patient.name[0].family")]
    public void An_empty_JSON_element_read_leniently_is_left_out_with_a_warning_and_the_output_is_valid(string json, string location)
    {
        var result = FhirSerializer.Parse(Encoding.UTF8.GetBytes(json), FhirFormat.Json, ParseOptions.Lenient);

        Assert.True(result.Success);
        Assert.Contains(result.Issues, issue => (issue.Code, issue.Severity, issue.Location) == ("element-empty", IssueSeverity.Warning, location));
        Assert.Equal(["id", "active"], result.Root!.Children.Select(child => child.Name));
        var xml = FhirSerializer.SerializeToBytes(result.Root, FhirFormat.Xml);
        Assert.Empty(FhirSerializer.Parse(xml, FhirFormat.Xml).Issues);
    }

    [Fact]
    public void An_empty_XML_attribute_value_read_leniently_is_left_out_with_one_warning()
    {
        var result = XmlTesting.Parse(XmlTesting.Patient("<id value=\"\"/><active value=\"true\"/>"), strict: false);

        Assert.Equal(["element-empty"], XmlTesting.Codes(result));
        Assert.Equal(["active"], result.Root!.Children.Select(child => child.Name));
    }
}
