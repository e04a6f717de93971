using System.Text.Json.Nodes;
using static Itk3.Fhir.Profiles.Tests.LetterFixture;

namespace Itk3.Fhir.Profiles.Tests;

/// <summary>Each kind of rule, broken once in the valid letter Bundle, is caught with its code and the element it comes from.</summary>
public sealed class MutationTests
{
    private static readonly Dictionary<string, (Action<JsonObject> Break, string Code, string ElementId)> Mutations = new()
    {
        ["required element missing"] = (b => Composition(b).Remove("title"), "cardinality-too-few", "Composition.title"),
        ["too many occurrences"] = (b => Composition(b)["author"]!.AsArray().Add(new JsonObject { ["display"] = "Second author" }), "cardinality-too-many", "Composition.author"),
        ["prohibited element present"] = (b => Composition(b)["confidentiality"] = "N", "cardinality-too-many", "Composition.confidentiality"),
        ["fixed value differs"] = (b => Composition(b)["language"] = "fr", "fixed-value-mismatch", "Composition.language"),
        ["fixed value of the Bundle differs"] = (b => b["type"] = "collection", "fixed-value-mismatch", "Bundle.type"),
        ["pattern not met"] = (b => Composition(b)["type"]!["coding"]![0]!["code"] = "999", "pattern-mismatch", "Composition.type"),
        ["required binding broken"] = (b => Composition(b)["status"] = "amended", "binding-required", "Composition.status"),
        ["extensible binding broken"] = (b => Composition(b)["class"]!["coding"]![0]!["code"] = "home", "binding-extensible", "Composition.class"),
        ["excluded code used"] = (b => Composition(b)["class"]!["coding"]![0]!["code"] = "retired", "binding-extensible", "Composition.class"),
        ["extension value outside its binding"] = (b => Extension(b)["valueCodeableConcept"]!["coding"]![0]!["code"] = "nowhere", "binding-required", "Extension.value[x]"),
        ["required extension missing"] = (b => Composition(b).Remove("extension"), "cardinality-too-few", "Composition.extension:careSetting"),
        ["extension invariant broken"] = (b => Extension(b)["extension"] = new JsonArray(new JsonObject { ["url"] = "part", ["valueString"] = "x" }), "invariant-failed", "Extension/ext-1"),
        ["closed slicing unmatched"] = (b => Sections(b).Add(Section("1234")), "slice-unmatched", "Composition.section"),
        ["required slice missing"] = (b => Sections(b).RemoveAt(0), "cardinality-too-few", "Composition.section:summary"),
        ["rule inside a slice broken"] = (b => Sections(b)[0]!.AsObject().Remove("title"), "cardinality-too-few", "Composition.section:summary.title"),
        ["exists discriminator slice repeated"] = (b => Composition(b)["attester"]!.AsArray().Add(new JsonObject { ["mode"] = new JsonArray("official"), ["time"] = "2026-11-30T11:00:00Z" }), "cardinality-too-many", "Composition.attester:timed"),
        ["type discriminator unmatched"] = (b => b["entry"]!.AsArray().Add(new JsonObject { ["fullUrl"] = "urn:uuid:00000000-0000-4000-8000-000000000009", ["resource"] = new JsonObject { ["resourceType"] = "Organization", ["name"] = "Org" } }), "slice-unmatched", "Bundle.entry"),
        ["error invariant broken"] = (b => Composition(b).Remove("date"), "invariant-failed", "Composition/let-1"),
        ["warning invariant broken"] = (b => Composition(b)["title"] = new string('x', 61), "invariant-warning", "Composition/let-2"),
        ["reference to the wrong resource type"] = (b => Composition(b)["subject"]!["reference"] = "urn:uuid:00000000-0000-4000-8000-000000000003", "reference-target-mismatch", "Composition.subject"),
        ["reference to a resource not meeting the target profile"] = (b => PatientOf(b)["identifier"]![0]!.AsObject().Remove("system"), "reference-target-mismatch", "Composition.subject"),
    };

    public static TheoryData<string> Names => [.. Mutations.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_kind_of_rule_broken_once_in_a_valid_letter_is_caught(string mutation)
    {
        var (breakIt, code, elementId) = Mutations[mutation];
        var bundle = LetterJson();
        breakIt(bundle);

        var result = Validate(bundle);

        Assert.Contains(result.Issues, i => i.Code == code && i.ElementId == elementId);
        if (code != "invariant-warning" && code != "binding-extensible")
        {
            Assert.False(result.IsValid);
        }
    }

    private static JsonObject Extension(JsonObject bundle) => Composition(bundle)["extension"]![0]!.AsObject();

    private static JsonArray Sections(JsonObject bundle) => Composition(bundle)["section"]!.AsArray();

    private static JsonObject Section(string code) =>
        new() { ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://snomed.info/sct", ["code"] = code }) } };
}
