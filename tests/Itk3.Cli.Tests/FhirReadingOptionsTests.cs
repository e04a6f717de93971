using System.Text;

namespace Itk3.Cli.Tests;

public sealed class FhirReadingOptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("itk3-cli-reading-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Check_lists_at_most_max_issues_and_counts_the_rest_in_one_truncation_error()
    {
        var names = string.Concat(Enumerable.Range(0, 50).Select(i => $"\"unknown{i}\":1,"));
        var input = Write("many.json", "{\"resourceType\":\"Patient\"," + names + "\"active\":true}");

        var run = CliRun.Of("check", "--max-issues", "5", input);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(5, CountOf(run.Output, "element-unknown"));
        Assert.Equal(1, CountOf(run.Output, "issues-truncated"));
    }

    [Fact]
    public void Drop_unknown_converts_dstu2_leftovers_with_a_warning_per_dropped_element()
    {
        var input = Write("dstu2.xml", """<Patient xmlns="http://hl7.org/fhir"><careProvider><reference value="Practitioner/1"/></careProvider><active value="true"/><animal><species><text value="dog"/></species></animal></Patient>""");
        var output = Path.Combine(_folder, "out.json");

        Assert.Equal(1, CliRun.Of("convert", input, "-o", output).ExitCode);
        var run = CliRun.Of("convert", "--drop-unknown", input, "-o", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("""{"resourceType":"Patient","active":true,"animal":{"species":{"text":"dog"}}}""", File.ReadAllText(output).Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
        Assert.Equal(1, CountOf(CliRun.Of("check", "--drop-unknown", input).Output, "element-dropped"));
    }

    [Fact]
    public void Convert_lenient_prints_each_repair_as_a_warning_with_its_location_and_writes_valid_output()
    {
        var input = Write("padded.xml", """<Patient xmlns="http://hl7.org/fhir"><active value=" true"/><multipleBirthInteger value=" 2"/></Patient>""");
        var output = Path.Combine(_folder, "padded.json");

        var run = CliRun.Of("convert", "--lenient", input, "-o", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, CountOf(run.Error, "primitive-padded"));
        Assert.Contains("Patient.active (1:39)", run.Error, StringComparison.Ordinal);
        Assert.Contains("Patient.multipleBirthInteger (1:62)", run.Error, StringComparison.Ordinal);
        var check = CliRun.Of("check", output);
        Assert.Equal((0, 0), (check.ExitCode, CountOf(check.Output, "warning:")));
        Assert.Equal(1, CountOf(CliRun.Of("convert", "--drop-unknown", Write("dstu2.xml", """<Patient xmlns="http://hl7.org/fhir"><careProvider><reference value="Practitioner/1"/></careProvider><active value="true"/></Patient>""")).Error, "element-dropped"));
    }

    [Fact]
    public void A_top_level_json_array_and_utf16_json_are_recognised_and_reported_as_json()
    {
        var array = Write("array.json", """[{"resourceType":"Patient"}]""");
        var utf16 = Path.Combine(_folder, "utf16.json");
        File.WriteAllBytes(utf16, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("""{"resourceType":"Patient"}""")]);

        var arrayRun = CliRun.Of("check", "--format", "json", array);
        var utf16Run = CliRun.Of("check", "--format", "json", utf16);

        Assert.Equal((1, 1), (arrayRun.ExitCode, CountOf(arrayRun.Output, "\"json-type-wrong\"")));
        Assert.Equal((1, 1), (utf16Run.ExitCode, CountOf(utf16Run.Output, "\"json-malformed\"")));
        Assert.Contains("\"location\": \"(document)\"", utf16Run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_size_refuses_a_larger_file_as_input_too_large()
    {
        var input = Write("big.json", "{\"resourceType\":\"Patient\",\"id\":\"" + new string('a', (1024 * 1024) + 10) + "\"}");

        var run = CliRun.Of("check", "--max-size", "1", input);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(1, CountOf(run.Output, "input-too-large"));
    }

    [Fact]
    public void Terminal_escape_sequences_from_the_input_are_never_echoed()
    {
        var input = Write("escape.json", "{\"resourceType\":\"Patient\",\"\\u001b[2J\\u001b]0;owned\\u0007\":1,\"gender\":\"\\u001b[31m\"}");

        var run = CliRun.Of("check", input);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Output);
        Assert.DoesNotContain('\u0007', run.Output);
        Assert.Contains("\\u001B", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<Patient xmlns=\"http://hl7.org/fhir\"><multipleBirthInteger value=\"+5\"/></Patient>")]
    [InlineData("<Observation xmlns=\"http://hl7.org/fhir\"><status value=\"final\"/><code><text value=\"x\"/></code><valueQuantity><value value=\"1e3\"/></valueQuantity></Observation>")]
    public void Check_and_convert_refuse_the_same_STU3_invalid_input(string xml)
    {
        var input = Write("input.xml", xml);

        Assert.Equal(1, CliRun.Of("check", input).ExitCode);
        Assert.Equal(1, CliRun.Of("convert", input).ExitCode);
    }

    private static int CountOf(string text, string code) => text.Split(code).Length - 1;

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
