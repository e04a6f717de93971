using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Issues;
using static Itk3.Fhir.Serialization.Tests.Json.JsonTestSupport;

namespace Itk3.Fhir.Serialization.Tests.Json;

public sealed class JsonInvalidInputTests
{
    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"resourceType\": \"Patient\",}")]
    [InlineData("{\"resourceType\": \"Patient\"} x")]
    [InlineData("{'resourceType': 'Patient'}")]
    [InlineData("{\"resourceType\": \"Patient\" /* c */}")]
    public void Malformed_json_is_a_fatal_issue_with_no_tree(string json)
    {
        var result = Parse(json);

        Assert.Null(result.Root);
        var issue = Single(result, "json-malformed");
        Assert.Equal(IssueSeverity.Fatal, issue.Severity);
    }

    [Fact]
    public void Malformed_json_is_located_by_line_and_column()
    {
        var result = Parse("{\n  \"resourceType\": \"Patient\",\n  \"active\": tru\n}");

        Assert.Equal(3, Single(result, "json-malformed").Position.Line);
    }

    [Fact]
    public void Unknown_property_is_reported_at_its_path_and_position_and_skipped()
    {
        var result = Parse("{\n  \"resourceType\": \"Patient\",\n  \"name\": [{ \"family\": \"A\" }, {\n    \"nickname\": {\"x\": [1]} }]\n}");

        var issue = Single(result, "element-unknown");
        Assert.Equal("Patient.name[1].nickname", issue.Location);
        Assert.Equal(new SourcePosition(4, 5), issue.Position);
        Assert.Equal("A", result.Root!.Select("name.family")!.Value);
    }

    [Fact]
    public void Location_inside_a_bundle_entry_names_the_resource_type()
    {
        var result = Parse("""{"resourceType":"Bundle","type":"message","entry":[{"resource":{"resourceType":"MessageHeader","event":{"code":7}}}]}""");

        Assert.Equal("Bundle.entry[0].resource.ofType(MessageHeader).event.code", Single(result, "json-type-wrong").Location);
    }

    [Fact]
    public void Position_columns_count_characters_not_bytes()
    {
        var result = Parse("{\"resourceType\":\"Patient\",\"id\":\"é€\",\"bogus\":1}");

        // "é€" is 5 bytes but 2 characters: the property starts at character 37 (byte 40).
        Assert.Equal(new SourcePosition(1, 37), Single(result, "element-unknown").Position);
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","active":"true"}""", "Patient.active")]
    [InlineData("""{"resourceType":"Patient","multipleBirthInteger":"2"}""", "Patient.multipleBirthInteger")]
    [InlineData("""{"resourceType":"Patient","gender":1}""", "Patient.gender")]
    [InlineData("""{"resourceType":"Patient","gender":{"value":"male"}}""", "Patient.gender")]
    [InlineData("""{"resourceType":"Patient","name":["Smith"]}""", "Patient.name[0]")]
    [InlineData("""{"resourceType":"Patient","name":[{"given":[true]}]}""", "Patient.name[0].given[0]")]
    public void Wrong_json_type_is_reported(string json, string location)
    {
        Assert.Equal(location, Single(Parse(json), "json-type-wrong").Location);
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","birthDate":"1970-02-30"}""", "Patient.birthDate")]
    [InlineData("""{"resourceType":"Patient","multipleBirthInteger":1.5}""", "Patient.multipleBirthInteger")]
    [InlineData("""{"resourceType":"Patient","id":"has space"}""", "Patient.id")]
    public void Invalid_lexical_form_is_reported_and_the_value_kept(string json, string location)
    {
        var result = Parse(json);

        Assert.Equal(location, Single(result, "primitive-invalid").Location);
        Assert.NotNull(result.Root);
        Assert.Single(result.Root!.Children);
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","gender":"male","gender":"female"}""", "Patient.gender")]
    [InlineData("""{"resourceType":"Patient","_gender":{"id":"a"},"_gender":{"id":"b"}}""", "Patient._gender")]
    [InlineData("""{"resourceType":"Patient","resourceType":"Patient"}""", "Patient.resourceType")]
    [InlineData("""{"resourceType":"Patient","name":[{"family":"A"}],"name":[]}""", "Patient.name")]
    public void Duplicate_property_is_reported(string json, string location)
    {
        Assert.Equal(location, Single(Parse(json), "property-duplicate").Location);
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","gender":"male","birthDate":"2000","gender":"female"}""", "property-duplicate", "Patient.gender")]
    [InlineData("""{"resourceType":"Patient","_gender":{"id":"a"},"birthDate":"2000","_gender":{"id":"b"}}""", "property-duplicate", "Patient._gender")]
    [InlineData("""{"resourceType":"Patient","deceasedBoolean":true,"multipleBirthBoolean":true,"deceasedDateTime":"2020"}""", "choice-multiple", "Patient.deceasedDateTime")]
    public void Duplicates_and_second_choices_are_found_after_members_that_come_later_in_definition_order(string json, string code, string location)
    {
        // A member out of definition order must still find the slot of its name or choice opened before.
        Assert.Equal(location, Single(Parse(json), code).Location);
    }

    [Fact]
    public void Missing_resource_type_is_reported_and_the_resource_dropped()
    {
        var result = Parse("""{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"id":"x"}}]}""");

        Assert.Equal("Bundle.entry[0].resource", Single(result, "resource-type-missing").Location);
        Assert.Null(result.Root!.Select("entry.resource"));
    }

    [Fact]
    public void Unknown_resource_type_is_reported()
    {
        var result = Parse("""{"resourceType":"Patientt","id":"x"}""");

        Single(result, "resource-type-unknown");
        Assert.Null(result.Root);
    }

    [Fact]
    public void Resource_type_after_other_properties_is_found()
    {
        var root = ParseValid("""{"id":"x","resourceType":"Patient","active":false}""");

        Assert.Equal("Patient", root.ResourceType);
        Assert.Equal(["id", "active"], root.Children.Select(child => child.Name));
    }

    [Fact]
    public void Single_value_for_a_repeating_element_is_an_error_when_strict_and_kept_as_a_warning_when_lenient()
    {
        const string json = """{"resourceType":"Patient","name":{"family":"A"},"_active":{"id":"x"},"contained":{"resourceType":"Basic","code":{"text":"t"}}}""";

        var strict = Parse(json);
        var lenient = Parse(json, ParseOptions.Lenient);

        Assert.Equal(2, strict.Issues.Count(issue => issue.Code == "array-expected" && issue.IsError));
        Assert.Equal(2, lenient.Issues.Count(issue => issue.Code == "array-expected" && issue.Severity == IssueSeverity.Warning));
        Assert.True(lenient.Success);
        Assert.Equal("A", lenient.Root!.Select("name.family")!.Value);
        Assert.Equal("Basic", lenient.Root!.Child("contained")!.ResourceType);
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","gender":["male"]}""", "Patient.gender")]
    [InlineData("""{"resourceType":"Patient","maritalStatus":[{"text":"x"}]}""", "Patient.maritalStatus")]
    public void Array_for_a_single_element_is_reported(string json, string location)
    {
        Assert.Equal(location, Single(Parse(json), "repeat-unexpected").Location);
    }

    [Fact]
    public void Two_types_of_one_choice_are_reported()
    {
        var result = Parse("""{"resourceType":"Patient","deceasedBoolean":true,"deceasedDateTime":"2020"}""");

        Assert.Equal("Patient.deceasedDateTime", Single(result, "choice-multiple").Location);
        Assert.Equal("deceasedBoolean", Assert.Single(result.Root!.Children).Name);
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","gender":""}""", "Patient.gender")]
    [InlineData("""{"resourceType":"Patient","maritalStatus":{}}""", "Patient.maritalStatus")]
    [InlineData("""{"resourceType":"Patient","name":[]}""", "Patient.name")]
    public void Empty_values_are_tolerable(string json, string location)
    {
        var strict = Parse(json);
        var lenient = Parse(json, ParseOptions.Lenient);

        Assert.Equal(location, Single(strict, "element-empty").Location);
        Assert.True(Single(strict, "element-empty").IsError);
        Assert.Equal(IssueSeverity.Warning, Single(lenient, "element-empty").Severity);
        Assert.True(lenient.Success);
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","gender":null}""", "Patient.gender")]
    [InlineData("""{"resourceType":"Patient","name":[null]}""", "Patient.name[0]")]
    [InlineData("""{"resourceType":"Patient","maritalStatus":null}""", "Patient.maritalStatus")]
    public void Null_outside_primitive_arrays_is_reported(string json, string location)
    {
        Assert.Equal(location, Single(Parse(json), "null-unexpected").Location);
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","name":[{"given":["a",null]}]}""", "Patient.name[0].given[1]")]
    [InlineData("""{"resourceType":"Patient","name":[{"given":["a",null],"_given":[null,null]}]}""", "Patient.name[0].given[1]")]
    [InlineData("""{"resourceType":"Patient","name":[{"given":["a","b"],"_given":[null]}]}""", "Patient.name[0].given")]
    public void Misaligned_primitive_arrays_are_reported(string json, string location)
    {
        Assert.Equal(location, Single(Parse(json), "parallel-array-mismatch").Location);
    }

    [Theory]
    [InlineData("""<div xmlns="http://www.w3.org/1999/xhtml"><p>unclosed</div>""", "xhtml-invalid")]
    [InlineData("""<div xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></div>""", "xhtml-disallowed")]
    [InlineData("""<div xmlns="http://www.w3.org/1999/xhtml"><a onclick="x()">a</a></div>""", "xhtml-disallowed")]
    public void Narrative_is_checked(string div, string code)
    {
        var json = "{\"resourceType\":\"Patient\",\"text\":{\"status\":\"generated\",\"div\":" + System.Text.Json.JsonSerializer.Serialize(div) + "}}";

        Assert.Equal("Patient.text.div", Single(Parse(json), code).Location);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_fatal()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"extension\":[", 30)) + "{}" + string.Concat(Enumerable.Repeat("]}", 30));
        var json = $$"""{"resourceType":"Patient","extension":[{{deep}}]}""";

        var result = Parse(json, new ParseOptions { MaxDepth = 20 });

        Assert.Null(result.Root);
        Assert.Equal(IssueSeverity.Fatal, Single(result, "nesting-too-deep").Severity);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_narrative_nesting_deeper_than_the_limit_is_fatal_in_JSON_as_it_is_in_XML(bool strict)
    {
        const int depth = 100_000;
        var div = "<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">" + string.Concat(Enumerable.Repeat("<div>", depth)) + "x"
            + string.Concat(Enumerable.Repeat("</div>", depth)) + "</div>";
        var json = "{\"resourceType\":\"Patient\",\"text\":{\"status\":\"generated\",\"div\":\"" + div + "\"}}";
        var xml = "<Patient xmlns=\"http://hl7.org/fhir\"><text><status value=\"generated\"/>" + div.Replace("\\\"", "\"", StringComparison.Ordinal) + "</text></Patient>";
        var options = new ParseOptions { Strict = strict };

        var fromJson = Parse(json, options);
        var fromXml = FhirSerializer.Parse(System.Text.Encoding.UTF8.GetBytes(xml), FhirFormat.Xml, options);

        Assert.Null(fromJson.Root);
        Assert.Equal(IssueSeverity.Fatal, Single(fromJson, "nesting-too-deep").Severity);
        Assert.Null(fromXml.Root);
        Assert.Contains(fromXml.Issues, i => i.Code == "nesting-too-deep");
    }

    [Fact]
    public void A_narrative_within_the_limit_still_reads_the_slow_way()
    {
        var div = "<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">" + string.Concat(Enumerable.Repeat("<span>", 80)) + "x"
            + string.Concat(Enumerable.Repeat("</span>", 80)) + "</div>";
        var json = "{\"resourceType\":\"Patient\",\"text\":{\"status\":\"generated\",\"div\":\"" + div + "\"}}";

        var result = Parse(json, ParseOptions.Default);

        Assert.NotNull(result.Root);
        Assert.DoesNotContain(result.Issues, i => i.Code == "nesting-too-deep");
    }

    [Fact]
    public void Nesting_limit_applies_to_skipped_unknown_content()
    {
        var json = "{\"resourceType\":\"Patient\",\"unknown\":" + new string('[', 50) + new string(']', 50) + "}";

        var result = Parse(json, new ParseOptions { MaxDepth = 20 });

        Single(result, "nesting-too-deep");
    }

    [Fact]
    public void Input_larger_than_the_limit_is_refused_from_bytes_and_streams()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("""{"resourceType":"Patient","id":"abcdefghijklmnop"}""");
        var options = new ParseOptions { MaxBytes = 20 };

        var fromBytes = FhirSerializer.Parse(bytes, FhirFormat.Json, options);
        var fromStream = FhirSerializer.Parse(new NonSeekableStream(bytes), FhirFormat.Json, options);
        var fromSeekable = FhirSerializer.Parse(new MemoryStream(bytes), FhirFormat.Json, options);

        Assert.Null(fromBytes.Root);
        Single(fromBytes, "input-too-large");
        Assert.Null(fromStream.Root);
        Single(fromStream, "input-too-large");
        Assert.Null(fromSeekable.Root);
        Single(fromSeekable, "input-too-large");
    }

    [Fact]
    public void Root_that_is_not_an_object_is_reported()
    {
        var result = Parse("[1, 2]");

        Assert.Null(result.Root);
        Single(result, "json-type-wrong");
    }

    [Fact]
    public void Underscore_form_of_a_complex_element_is_unknown()
    {
        Assert.Equal("Patient._name", Single(Parse("""{"resourceType":"Patient","_name":[{"id":"x"}]}"""), "element-unknown").Location);
    }

    [Fact]
    public void Invalid_utf8_is_malformed_not_a_crash()
    {
        var bytes = "{\"resourceType\":\"Patient\",\"id\":\"ab\"}"u8.ToArray();
        bytes[33] = 0xFF;

        var result = FhirSerializer.Parse(bytes, FhirFormat.Json);

        Single(result, "json-malformed");
    }
}
