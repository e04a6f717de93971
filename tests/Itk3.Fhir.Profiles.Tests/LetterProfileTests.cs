using System.Text.Json.Nodes;
using static Itk3.Fhir.Profiles.Tests.LetterFixture;

namespace Itk3.Fhir.Profiles.Tests;

public sealed class LetterProfileTests
{
    [Fact]
    public void The_valid_letter_bundle_has_no_errors_and_no_warnings()
    {
        var result = Validate(LetterJson());

        Assert.True(result.IsValid, string.Join('\n', result.Issues));
        Assert.DoesNotContain(result.Issues, issue => issue.Issue.Severity == Itk3.Fhir.Issues.IssueSeverity.Warning);
    }

    [Fact]
    public void An_invariant_using_an_unknown_function_is_reported_as_not_checked_never_as_passed()
    {
        var result = Validate(LetterJson());

        var notChecked = Assert.Single(result.Issues, issue => issue.Code == "invariant-not-checked");
        Assert.Equal(LetterComposition, notChecked.Profile);
        Assert.Equal("Composition", notChecked.ElementId);
    }

    [Fact]
    public void Each_issue_names_its_profile_element_path_and_line_and_column()
    {
        var bundle = LetterJson();
        Composition(bundle).Remove("title");

        var issue = Assert.Single(Validate(bundle).Issues, i => i.Code == "cardinality-too-few");

        Assert.Equal(LetterComposition, issue.Profile);
        Assert.Equal("Composition.title", issue.ElementId);
        Assert.Equal("Bundle.entry[0].resource.title", issue.Issue.Location);
        Assert.True(issue.Issue.Position.IsKnown);
        Assert.Equal(Itk3.Fhir.Issues.IssueSeverity.Error, issue.Issue.Severity);
    }

    [Fact]
    public void The_letter_bundle_meets_its_profile_when_asked_explicitly_and_a_wrong_resource_type_is_refused()
    {
        var bundle = LetterJson();

        Assert.True(Validate(bundle, LetterBundle).IsValid);
        Assert.Contains(Validate(PatientOf(bundle).DeepClone(), LetterComposition).Issues, i => i.Code == "type-not-allowed");
    }

    [Fact]
    public void A_choice_type_the_profile_does_not_allow_is_refused()
    {
        var patient = PatientOf(LetterJson());
        patient["deceasedDateTime"] = "2026-01-01";

        var result = Validate(patient.DeepClone(), Patient);

        Assert.Contains(result.Issues, i => i.Code == "type-not-allowed" && i.ElementId == "Patient.deceased[x]");
    }

    [Fact]
    public void A_slice_matched_by_profile_is_checked_against_a_snapshot_generated_from_a_differential()
    {
        var bundle = LetterJson();
        bundle["meta"] = new JsonObject { ["profile"] = new JsonArray(ProfiledBundle) };

        Assert.True(Validate(bundle).IsValid);

        PatientOf(bundle).Remove("gender");
        var result = Validate(bundle);
        Assert.Contains(result.Issues, i => i.Code == "cardinality-too-few" && i.ElementId == "Bundle.entry:gendered");
    }

    [Fact]
    public void A_profile_with_only_a_differential_and_no_loaded_base_cannot_be_used()
    {
        var patient = PatientOf(LetterJson()).DeepClone();

        var asked = Validate(patient, OrphanPatient);
        Assert.Contains(asked.Issues, i => i.Code == "profile-unavailable" && i.IsError);

        patient["meta"] = new JsonObject { ["profile"] = new JsonArray(OrphanPatient) };
        var claimed = Validate(patient);
        Assert.Contains(claimed.Issues, i => i.Code == "profile-not-checked" && !i.IsError);
    }

    [Fact]
    public void A_profile_that_is_not_loaded_is_an_error_when_asked_for_and_not_checked_information_when_only_claimed()
    {
        var patient = PatientOf(LetterJson()).DeepClone();
        const string missing = "https://example.org/fhir/StructureDefinition/Nowhere";

        Assert.Contains(Validate(patient, missing).Issues, i => i.Code == "profile-unavailable" && i.IsError);
        patient["meta"] = new JsonObject { ["profile"] = new JsonArray(missing) };
        var claimed = Validate(patient);
        Assert.True(claimed.IsValid);
        Assert.Equal(1, claimed.NotCheckedCount);
    }

    [Fact]
    public void Codes_from_value_sets_that_cannot_be_expanded_are_not_checked_never_valid_nor_invalid()
    {
        var patient = PatientOf(LetterJson());
        patient["language"] = "cy";
        patient["maritalStatus"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://snomed.info/sct", ["code"] = "1234567" }) };

        var result = Validate(patient.DeepClone(), Patient);

        Assert.True(result.IsValid, string.Join('\n', result.Issues));
        Assert.Contains(result.Issues, i => i.Code == "binding-not-checked" && i.ElementId == "Patient.language");
        Assert.Contains(result.Issues, i => i.Code == "binding-not-checked" && i.ElementId == "Patient.maritalStatus");
    }
}
