using System.Text.Json;
using System.Text.Json.Nodes;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization;
using Itk3.Testing;
using Xunit.Abstractions;

namespace Itk3.Conformance.Tests;

/// <summary>
/// Round-trips every resource in the official STU3 definition bundles (over 40 MB of real content) through
/// JSON -> XML -> JSON and XML -> JSON -> XML, and validates every XML we write against the official XSD. XML -> JSON
/// -> XML must give the same bytes; JSON -> XML -> JSON the same content, where a narrative div that holds whitespace
/// XML normalises (the official narratives use CRLF line ends) must mean the same by XML rules (docs/fhir.md,
/// "Narrative whitespace"); such divs are counted.
/// </summary>
public sealed class DefinitionRoundTripTests(ITestOutputHelper output)
{
    public static TheoryData<string> Bundles => new()
    {
        "profiles-resources.json", "profiles-types.json", "valuesets.json", "extension-definitions.json", "search-parameters.json",
    };

    /// <summary>
    /// Resources whose XML .NET's XSD validator rejects although libxml2 (xmllint) accepts it: the official ValueSet
    /// <c>snomedct</c> carries the uri <c>http://.........?</c>, which System.Uri-based anyURI checking refuses.
    /// Listed so the test fails if they start passing or if anything else fails.
    /// </summary>
    private static readonly Dictionary<string, string[]> KnownXsdDivergences = new()
    {
        ["valuesets.json"] = ["snomedct"],
    };

    [RequiresDefinitionsTheory]
    [MemberData(nameof(Bundles))]
    public void Every_resource_round_trips_both_ways_and_validates_against_the_XSD(string bundleFile)
    {
        var tally = new RoundTripTally();
        using var bundle = JsonDocument.Parse(File.ReadAllBytes(FhirDefinitions.Profile(bundleFile)));
        foreach (var entry in bundle.RootElement.GetProperty("entry").EnumerateArray())
        {
            tally.Add(RoundTrip(JsonSerializer.SerializeToUtf8Bytes(entry.GetProperty("resource")), tally));
        }

        var summary = $"{bundleFile}: {tally.Tried} tried, {tally.Identical} identical both ways, {tally.XsdValid} XSD-valid, "
            + $"{tally.DivsEqualInMeaning} narratives equal in meaning but not in bytes";
        output.WriteLine(summary);
        ConformanceReport.Append(summary);
        Assert.True(tally.Failures.Count == 0, string.Join('\n', tally.Failures.Take(10)));
        Assert.Equal(KnownXsdDivergences.GetValueOrDefault(bundleFile, []), tally.XsdInvalidIds);
    }

    private static RoundTripOutcome RoundTrip(byte[] originalJson, RoundTripTally tally)
    {
        var id = JsonNode.Parse(originalJson)?["id"]?.GetValue<string>() ?? "?";
        var fromJson = FhirSerializer.Parse(originalJson, FhirFormat.Json);
        if (!fromJson.Success || fromJson.Root is null)
        {
            return new RoundTripOutcome(id, false, ["not written"], "JSON parse: " + string.Join("; ", fromJson.Issues.Take(3)));
        }

        var xml = FhirSerializer.SerializeToBytes(fromJson.Root, FhirFormat.Xml);
        var xsdErrors = Stu3XsdValidator.Instance.Validate(xml);
        var fromXml = FhirSerializer.Parse(xml, FhirFormat.Xml);
        if (!fromXml.Success || fromXml.Root is null)
        {
            return new RoundTripOutcome(id, false, xsdErrors, "XML parse: " + string.Join("; ", fromXml.Issues.Take(3)));
        }

        var problem = JsonToXmlToJson(originalJson, fromJson.Root, fromXml.Root, tally) ?? XmlToJsonToXml(fromXml.Root);
        return new RoundTripOutcome(id, problem is null, xsdErrors, problem);
    }
    private static string? JsonToXmlToJson(byte[] originalJson, ElementNode fromJson, ElementNode fromXml, RoundTripTally tally)
    {
        var rewritten = FhirSerializer.SerializeToBytes(fromXml, FhirFormat.Json);
        var difference = StrictJsonComparer.FindDifference(originalJson, rewritten, (path, a, b) => a == b || SameNarrative(path, a, b, tally));
        if (difference is not null)
        {
            return "JSON->XML->JSON differs from the original JSON at " + difference;
        }

        // The trees differ only where the JSON did (in divs equal in meaning): compare them through what each writes.
        var treeDifference = StrictJsonComparer.FindDifference(FhirSerializer.SerializeToBytes(fromJson, FhirFormat.Json), rewritten,
            (path, a, b) => a == b || (path.EndsWith(".div", StringComparison.Ordinal) && XhtmlMeaning.Describe(a) == XhtmlMeaning.Describe(b)));
        return treeDifference is null ? null : "JSON->XML tree differs at " + treeDifference;
    }

    private static bool SameNarrative(string path, string original, string rewritten, RoundTripTally tally)
    {
        if (!path.EndsWith(".div", StringComparison.Ordinal) || XhtmlMeaning.Describe(original) != XhtmlMeaning.Describe(rewritten))
        {
            return false;
        }

        tally.DivsEqualInMeaning++;
        return true;
    }

    // Starts from the XML as the writer gives back what the XML reader read: the same bytes as the first XML, except
    // for narratives whose raw line ends XML normalised (which the JSON -> XML -> JSON check compares by meaning).
    private static string? XmlToJsonToXml(ElementNode fromXml)
    {
        var xml = FhirSerializer.SerializeToBytes(fromXml, FhirFormat.Xml);
        var json = FhirSerializer.SerializeToBytes(fromXml, FhirFormat.Json);
        var back = FhirSerializer.Parse(json, FhirFormat.Json);
        if (back.Root is null)
        {
            return "XML->JSON->XML: JSON did not parse";
        }

        var rewritten = FhirSerializer.SerializeToBytes(back.Root, FhirFormat.Xml);
        return rewritten.AsSpan().SequenceEqual(xml) ? null : "XML->JSON->XML output differs from the first XML";
    }
}
