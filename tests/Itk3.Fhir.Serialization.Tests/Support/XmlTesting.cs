using System.Text;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Issues;
using Itk3.Testing;

namespace Itk3.Fhir.Serialization.Tests.Support;

/// <summary>Shortcuts for the XML tests: parse text, write trees, list issue codes, check output against the STU3 XSD.</summary>
public static class XmlTesting
{
    public static ParseResult Parse(string xml, bool strict = true) =>
        FhirSerializer.Parse(Encoding.UTF8.GetBytes(xml), FhirFormat.Xml, strict ? ParseOptions.Default : ParseOptions.Lenient);

    public static ParseResult Parse(byte[] xml, ParseOptions? options = null) => FhirSerializer.Parse(xml, FhirFormat.Xml, options);

    public static byte[] Write(ElementNode node, bool indented = false) =>
        FhirSerializer.SerializeToBytes(node, FhirFormat.Xml, indented ? WriteOptions.Pretty : WriteOptions.Compact);

    public static string WriteText(ElementNode node, bool indented = false) => Encoding.UTF8.GetString(Write(node, indented));

    public static string[] Codes(ParseResult result) => result.Issues.Select(issue => issue.Code).ToArray();

    public static Issue Single(ParseResult result, string code) => Assert.Single(result.Issues, issue => issue.Code == code);

    /// <summary>
    /// Asserts the document validates against fhir-single.xsd; a no-op (with the reason printed) when the XSD cannot be
    /// found. Random trees cannot know the required code value sets the XSD enumerates, so those checks can be skipped.
    /// </summary>
    public static void AssertSchemaValid(byte[] xml, bool ignoreCodeEnumerations = false)
    {
        if (!FhirDefinitions.IsAvailable && !FhirDefinitions.AreRequired)
        {
            Console.WriteLine($"XSD validation skipped: {FhirDefinitions.Reason}");
            return;
        }

        var errors = Stu3XsdValidator.Instance.Validate(xml)
            .Where(error => !ignoreCodeEnumerations || !error.Contains("Enumeration constraint", StringComparison.Ordinal))
            .ToList();
        Assert.True(errors.Count == 0, $"XSD errors:\n{string.Join('\n', errors.Take(10))}\n---\n{Encoding.UTF8.GetString(xml)}");
    }

    /// <summary>Wraps XML elements in a Patient root.</summary>
    public static string Patient(string content) => $"<Patient xmlns=\"http://hl7.org/fhir\">{content}</Patient>";
}
