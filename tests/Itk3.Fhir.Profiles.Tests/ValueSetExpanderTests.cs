using Itk3.Fhir.Profiles.Terminology;

namespace Itk3.Fhir.Profiles.Tests;

public sealed class ValueSetExpanderTests
{
    private const string Settings = "https://example.org/fhir/CodeSystem/test-care-setting";

    private static ValueSetExpander Expander => LetterFixture.LoadPackage().Expander;

    [Fact]
    public void A_whole_code_system_is_expanded_without_its_excluded_codes()
    {
        var expansion = Expander.Expand("https://example.org/fhir/ValueSet/test-care-setting")!;

        Assert.Equal(Membership.Member, expansion.Contains(Settings, "icu"));
        Assert.Equal(Membership.Member, expansion.Contains(Settings, "outpatient"));
        Assert.Equal(Membership.NotMember, expansion.Contains(Settings, "retired"));
        Assert.Equal(Membership.NotMember, expansion.Contains("urn:other", "icu"));
        Assert.Null(expansion.NotExpandedReason);
    }

    [Fact]
    public void An_is_a_filter_takes_the_concept_and_its_descendants_only()
    {
        var expansion = Expander.Expand("https://example.org/fhir/ValueSet/test-inpatient-setting|1.0")!;

        Assert.Equal(Membership.Member, expansion.Contains(Settings, "inpatient"));
        Assert.Equal(Membership.Member, expansion.Contains(Settings, "ward"));
        Assert.Equal(Membership.NotMember, expansion.Contains(Settings, "outpatient"));
    }

    [Fact]
    public void A_filter_that_cannot_be_evaluated_leaves_its_codes_not_checked()
    {
        var expansion = Expander.Expand("https://example.org/fhir/ValueSet/test-snomed-refset")!;

        Assert.Equal(Membership.NotChecked, expansion.Contains("http://snomed.info/sct", "22298006"));
        Assert.NotNull(expansion.NotExpandedReason);
    }

    [Fact]
    public void A_value_set_that_is_not_loaded_has_no_expansion()
    {
        Assert.Null(Expander.Expand("https://example.org/fhir/ValueSet/not-loaded"));
    }
}
