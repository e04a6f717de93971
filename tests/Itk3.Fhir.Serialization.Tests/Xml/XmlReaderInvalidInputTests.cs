using System.Text;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Issues;
using Itk3.Fhir.Serialization.Tests.Support;

namespace Itk3.Fhir.Serialization.Tests.Xml;

public sealed class XmlReaderInvalidInputTests
{
    [Fact]
    public void Refuses_a_doctype_with_an_external_entity_without_resolving_it()
    {
        var result = XmlTesting.Parse("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"&e;\"/></name></Patient>");

        Assert.Null(result.Root);
        var issue = XmlTesting.Single(result, "dtd-prohibited");
        Assert.Equal(IssueSeverity.Fatal, issue.Severity);
        Assert.Equal(IssueType.Security, issue.Type);
    }

    [Fact]
    public void Refuses_billion_laughs()
    {
        var entities = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : i - 1)};", 10))}\">");
        }

        entities.Append("]>");
        var result = XmlTesting.Parse($"{entities}<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"&lol9;\"/></name></Patient>");

        Assert.Null(result.Root);
        Assert.Equal(["dtd-prohibited"], XmlTesting.Codes(result));
    }

    [Fact]
    public void Reports_malformed_xml_with_its_line_and_column()
    {
        var result = XmlTesting.Parse("<Patient xmlns=\"http://hl7.org/fhir\">\n  <active value=\"true\">\n</Patient>");

        Assert.Null(result.Root);
        var issue = XmlTesting.Single(result, "xml-malformed");
        Assert.Equal(IssueSeverity.Fatal, issue.Severity);
        Assert.Equal(3, issue.Position.Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml")]
    [InlineData("<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"&nbsp;\"/></name></Patient>")]
    public void Reports_other_unreadable_input_as_malformed(string xml)
    {
        var result = XmlTesting.Parse(xml);

        Assert.Null(result.Root);
        Assert.Equal(["xml-malformed"], XmlTesting.Codes(result));
    }

    [Fact]
    public void Refuses_input_over_the_size_limit_from_bytes_and_from_a_stream()
    {
        var bytes = Encoding.UTF8.GetBytes(XmlTesting.Patient("<active value=\"true\"/>"));
        var options = ParseOptions.Default with { MaxBytes = 20 };

        Assert.Equal(["input-too-large"], XmlTesting.Codes(FhirSerializer.Parse(bytes, FhirFormat.Xml, options)));
        var fromStream = FhirSerializer.Parse(new MemoryStream(bytes), FhirFormat.Xml, options);
        Assert.Null(fromStream.Root);
        Assert.Equal(["input-too-large"], XmlTesting.Codes(fromStream));
    }

    [Fact]
    public void Refuses_nesting_deeper_than_the_limit()
    {
        var depth = 30;
        var xml = XmlTesting.Patient(string.Concat(Enumerable.Repeat("<extension url=\"u\">", depth)) + "<valueString value=\"x\"/>" + string.Concat(Enumerable.Repeat("</extension>", depth)));

        var result = XmlTesting.Parse(Encoding.UTF8.GetBytes(xml), ParseOptions.Default with { MaxDepth = 10 });

        Assert.Null(result.Root);
        Assert.Equal(["nesting-too-deep"], XmlTesting.Codes(result));
        Assert.Empty(XmlTesting.Codes(XmlTesting.Parse(xml)));
    }

    [Fact]
    public void Reports_elements_outside_the_fhir_namespace()
    {
        var result = XmlTesting.Parse("<Patient xmlns=\"http://hl7.org/fhir\"><x:active xmlns:x=\"urn:other\" value=\"true\"/><gender value=\"male\"/></Patient>");

        var issue = XmlTesting.Single(result, "namespace-wrong");
        Assert.Equal("Patient.active", issue.Location);
        Assert.Equal(["gender"], result.Root!.Children.Select(child => child.Name));
        Assert.Equal(["namespace-wrong"], XmlTesting.Codes(XmlTesting.Parse("<Patient><active value=\"true\"/></Patient>")));
    }

    [Fact]
    public void Reports_unknown_elements_and_attributes_with_their_locations()
    {
        var result = XmlTesting.Parse("<Patient xmlns=\"http://hl7.org/fhir\">\n<name><colour value=\"red\"/><family value=\"S\" lang=\"en\"/></name></Patient>");

        var unknown = XmlTesting.Single(result, "element-unknown");
        Assert.Equal("Patient.name[0].colour", unknown.Location);
        Assert.Equal(new SourcePosition(2, 8), unknown.Position);
        Assert.Equal("Patient.name[0].family", XmlTesting.Single(result, "xml-content-unexpected").Location);
        Assert.Equal("S", result.Root!.Select("name.family")!.Value);
    }

    [Fact]
    public void Reports_unknown_resource_types()
    {
        Assert.Equal(["resource-type-unknown"], XmlTesting.Codes(XmlTesting.Parse("<Patientt xmlns=\"http://hl7.org/fhir\"/>")));
        var contained = XmlTesting.Parse("<Patient xmlns=\"http://hl7.org/fhir\"><contained><DomainResource/></contained><active value=\"true\"/></Patient>");
        Assert.Equal(["resource-type-unknown"], XmlTesting.Codes(contained));
        Assert.Equal("Patient.contained[0]", contained.Issues[0].Location);
    }

    [Fact]
    public void Reports_bad_dates_and_other_lexical_errors_at_the_element()
    {
        var result = XmlTesting.Parse(XmlTesting.Patient("<active value=\"yes\"/><name><given value=\"\"/></name><birthDate value=\"1970-02-30\"/>"));

        // The empty given is left out, which leaves its name empty too.
        Assert.Equal(["primitive-invalid", "element-empty", "element-empty", "primitive-invalid"], XmlTesting.Codes(result));
        Assert.Equal(["Patient.active", "Patient.name[0].given[0]", "Patient.name[0]", "Patient.birthDate"], result.Issues.Select(issue => issue.Location));
        Assert.Equal("1970-02-30", result.Root!.ChildValue("birthDate"));
    }

    [Fact]
    public void Missing_value_and_children_is_an_error_when_strict_and_left_out_with_a_warning_when_lenient()
    {
        var xml = XmlTesting.Patient("<name/><birthDate/>");

        Assert.All(XmlTesting.Parse(xml).Issues, issue => Assert.Equal(("element-empty", IssueSeverity.Error), (issue.Code, issue.Severity)));
        var lenient = XmlTesting.Parse(xml, strict: false);
        Assert.Equal(2, lenient.Issues.Count);
        Assert.All(lenient.Issues, issue => Assert.Equal(("element-empty", IssueSeverity.Warning), (issue.Code, issue.Severity)));
        Assert.True(lenient.Success);
        Assert.Empty(lenient.Root!.Children);
    }

    [Fact]
    public void Out_of_order_elements_are_errors_when_strict_and_kept_in_definition_order_when_lenient()
    {
        var xml = XmlTesting.Patient("<gender value=\"male\"/><name><family value=\"S\"/></name><active value=\"true\"/>");

        var strict = XmlTesting.Parse(xml);
        Assert.Equal(["element-out-of-order", "element-out-of-order"], XmlTesting.Codes(strict));
        Assert.Equal(["Patient.name", "Patient.active"], strict.Issues.Select(issue => issue.Location));
        Assert.False(strict.Success);

        var lenient = XmlTesting.Parse(xml, strict: false);
        Assert.True(lenient.Success);
        Assert.All(lenient.Issues, issue => Assert.Equal(IssueSeverity.Warning, issue.Severity));
        Assert.Equal(["active", "name", "gender"], lenient.Root!.Children.Select(child => child.Name));
    }

    [Fact]
    public void Reports_a_single_element_repeated_and_a_choice_given_twice()
    {
        var result = XmlTesting.Parse(XmlTesting.Patient("<gender value=\"male\"/><gender value=\"female\"/><deceasedBoolean value=\"true\"/><deceasedDateTime value=\"2020\"/>"));

        Assert.Equal(["repeat-unexpected", "choice-multiple"], XmlTesting.Codes(result));
        Assert.Equal(["Patient.gender", "Patient.deceasedDateTime"], result.Issues.Select(issue => issue.Location));
    }

    [Fact]
    public void Reports_text_inside_fhir_elements()
    {
        var result = XmlTesting.Parse(XmlTesting.Patient("<name>Smith<family value=\"S\"/></name>"));

        Assert.Equal(["xml-content-unexpected"], XmlTesting.Codes(result));
        Assert.Equal("Patient.name[0]", result.Issues[0].Location);
    }

    [Theory]
    [InlineData("<contained/>")]
    [InlineData("<contained><Patient/><Practitioner/></contained>")]
    [InlineData("<contained>text<Patient/></contained>")]
    public void Reports_resource_wrappers_without_exactly_one_resource(string wrapper)
    {
        var result = XmlTesting.Parse(XmlTesting.Patient(wrapper + "<active value=\"true\"/>"));

        Assert.Contains("resource-wrapper-invalid", XmlTesting.Codes(result));
        Assert.All(result.Issues, issue => Assert.Equal("Patient.contained[0]", issue.Location));
    }

    [Fact]
    public void Locates_issues_inside_bundle_entries_with_of_type()
    {
        var result = XmlTesting.Parse("<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"message\"/><entry><resource><MessageHeader><event><code value=\"a  b\"/></event></MessageHeader></resource></entry></Bundle>");

        var issue = XmlTesting.Single(result, "primitive-invalid");
        Assert.Equal("Bundle.entry[0].resource.ofType(MessageHeader).event.code", issue.Location);
    }

    [Fact]
    public void Ignores_schema_location_attributes_and_reports_other_foreign_attributes()
    {
        var result = XmlTesting.Parse("<Patient xmlns=\"http://hl7.org/fhir\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://hl7.org/fhir fhir-single.xsd\"><active value=\"true\" xml:lang=\"en\"/></Patient>");

        var issue = XmlTesting.Single(result, "xml-content-unexpected");
        Assert.Equal("Patient.active", issue.Location);
        Assert.Single(result.Issues);
    }

    [Fact]
    public void Reports_a_value_attribute_on_a_complex_element_and_cdata_text()
    {
        var result = XmlTesting.Parse(XmlTesting.Patient("<name value=\"Smith\"><family value=\"S\"/><![CDATA[x]]></name>"));

        Assert.Equal(["xml-content-unexpected", "xml-content-unexpected"], XmlTesting.Codes(result));
        Assert.All(result.Issues, issue => Assert.Equal("Patient.name[0]", issue.Location));
    }

    [Fact]
    public void Reports_an_id_element_where_id_is_an_attribute()
    {
        var result = XmlTesting.Parse(XmlTesting.Patient("<name><id value=\"n1\"/><family value=\"S\"/></name>"));

        var issue = XmlTesting.Single(result, "element-unknown");
        Assert.Equal("Patient.name[0].id", issue.Location);
    }

    [Fact]
    public void Reports_an_xhtml_element_where_a_fhir_element_belongs()
    {
        var result = XmlTesting.Parse(XmlTesting.Patient("<active xmlns=\"http://www.w3.org/1999/xhtml\" value=\"true\"/>"));

        Assert.Equal(["namespace-wrong"], XmlTesting.Codes(result));
    }
}
