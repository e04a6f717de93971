using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Profiles.Loading;
using Itk3.Fhir.Profiles.Validation;
using Itk3.Messaging.Building;
using Itk3.Messaging.Validation;
using static Itk3.Messaging.Tests.Support.Fixtures;
using static Itk3.Messaging.Tests.Support.TreeEdit;

namespace Itk3.Messaging.Tests.Validation;

public sealed class PayloadProfileTests
{
    private const string ProfiledBundle = "https://example.org/fhir/StructureDefinition/Test-Profiled-Bundle";

    private static readonly Lazy<ProfileValidator> Validator = new(() =>
        new ProfileValidator(ConformanceLoader.Load([RepositoryPaths.Fixture("profiles/package")], out _)));

    private static ElementNode GenderedPatient(string? gender) => N("entry", P("fullUrl", "urn:uuid:pat-2"), R("Patient", [P("id", "pat-2"),
        N("identifier", P("system", "https://example.org/id/test-number"), P("value", "1000000001")), .. gender is null ? Array.Empty<ElementNode>() : [P("gender", gender)]]).WithName("resource"));

    private static ReceiverProfile Profile(bool withValidator) => new()
    {
        Flows = [new ReceiverFlow { Event = "ITK003D", PayloadProfiles = [ProfiledBundle] }],
        PayloadValidator = withValidator ? Validator.Value : null,
    };

    private static ValidationResult Validate(ElementNode document, ReceiverProfile profile) =>
        new MessageValidator(profile).Validate(Builder().Build(Draft() with { Payload = ItkPayload.Document(document) }).Bundle);

    [Fact]
    public void Accepts_a_payload_that_meets_the_profiles_its_flow_names()
    {
        Assert.Equal("20013", Validate(DocumentBundle(extraEntries: GenderedPatient("female")), Profile(withValidator: true)).Outcome.Code);
    }

    [Fact]
    public void Rejects_a_payload_that_does_not_meet_its_flows_profile_with_20009_and_diagnostics_without_patient_data()
    {
        var result = Validate(DocumentBundle(extraEntries: GenderedPatient(null)), Profile(withValidator: true));

        Assert.Equal("20009", result.Outcome.Code);
        var finding = Assert.Single(result.Findings);
        Assert.Contains(ProfiledBundle, finding.Diagnostics);
        Assert.Contains("Bundle.entry:gendered", finding.Diagnostics);
        Assert.DoesNotContain("1000000001", finding.Diagnostics);
    }

    [Fact]
    public void Rejects_every_payload_of_a_flow_with_profiles_when_no_package_is_loaded()
    {
        Assert.Equal("20009", Validate(DocumentBundle(extraEntries: GenderedPatient("female")), Profile(withValidator: false)).Outcome.Code);
    }

    [Fact]
    public void A_flow_without_payload_profiles_does_not_validate_against_profiles()
    {
        var profile = Profile(withValidator: false) with { Flows = [new ReceiverFlow { Event = "ITK003D" }] };

        Assert.Equal("20013", Validate(DocumentBundle(), profile).Outcome.Code);
    }
}
