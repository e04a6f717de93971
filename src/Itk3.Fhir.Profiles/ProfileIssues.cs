using Itk3.Fhir.Issues;

namespace Itk3.Fhir.Profiles;

/// <summary>The catalogue of issues the profile validator reports. Codes are stable; wording is not.</summary>
public static class ProfileIssues
{
    /// <summary>A profile the caller asked for is not loaded or cannot be used (no snapshot, base not loaded): nothing was checked against it.</summary>
    public static readonly IssueDefinition ProfileUnavailable = new("profile-unavailable", IssueType.NotFound, IssueSeverity.Error, false, "The profile is not loaded or cannot be used.");

    /// <summary>A profile the content claims (<c>meta.profile</c>) is not loaded or cannot be used: not checked against it.</summary>
    public static readonly IssueDefinition ProfileNotChecked = new("profile-not-checked", IssueType.Informational, IssueSeverity.Information, false, "A claimed profile is not loaded: not checked.");

    /// <summary>An element occurs fewer times than its minimum cardinality.</summary>
    public static readonly IssueDefinition CardinalityTooFew = new("cardinality-too-few", IssueType.Required, IssueSeverity.Error, false, "The element occurs fewer times than required.");

    /// <summary>An element occurs more times than its maximum cardinality (including a maximum of zero).</summary>
    public static readonly IssueDefinition CardinalityTooMany = new("cardinality-too-many", IssueType.Structure, IssueSeverity.Error, false, "The element occurs more times than allowed.");

    /// <summary>An element or resource has a type the profile does not allow.</summary>
    public static readonly IssueDefinition TypeNotAllowed = new("type-not-allowed", IssueType.Structure, IssueSeverity.Error, false, "The type is not allowed here.");

    /// <summary>A reference resolves inside the Bundle to a resource that does not meet the target profile.</summary>
    public static readonly IssueDefinition ReferenceTargetMismatch = new("reference-target-mismatch", IssueType.Structure, IssueSeverity.Error, false, "The referenced resource does not meet the target profile.");

    /// <summary>A value differs from the fixed value the profile requires.</summary>
    public static readonly IssueDefinition FixedValueMismatch = new("fixed-value-mismatch", IssueType.Value, IssueSeverity.Error, false, "The value differs from the fixed value.");

    /// <summary>A value does not contain the pattern the profile requires.</summary>
    public static readonly IssueDefinition PatternMismatch = new("pattern-mismatch", IssueType.Value, IssueSeverity.Error, false, "The value does not match the pattern.");

    /// <summary>An item of a closed slicing matches no slice.</summary>
    public static readonly IssueDefinition SliceUnmatched = new("slice-unmatched", IssueType.Structure, IssueSeverity.Error, false, "The item matches no slice of a closed slicing.");

    /// <summary>A slicing discriminator could not be evaluated: which slice an item belongs to was not checked.</summary>
    public static readonly IssueDefinition SliceNotChecked = new("slice-not-checked", IssueType.Informational, IssueSeverity.Information, false, "A slicing discriminator could not be evaluated: not checked.");

    /// <summary>An extension's definition is not loaded: its content was not checked.</summary>
    public static readonly IssueDefinition ExtensionNotChecked = new("extension-not-checked", IssueType.Extension, IssueSeverity.Information, false, "The extension's definition is not loaded: not checked.");

    /// <summary>A code is not in the value set of a required binding.</summary>
    public static readonly IssueDefinition BindingRequired = new("binding-required", IssueType.CodeInvalid, IssueSeverity.Error, false, "The code is not in the value set of a required binding.");

    /// <summary>A code is not in the value set of an extensible binding.</summary>
    public static readonly IssueDefinition BindingExtensible = new("binding-extensible", IssueType.CodeInvalid, IssueSeverity.Warning, false, "The code is not in the value set of an extensible binding.");

    /// <summary>A binding's value set could not be expanded (not loaded, SNOMED CT filters...): the code was not checked.</summary>
    public static readonly IssueDefinition BindingNotChecked = new("binding-not-checked", IssueType.Informational, IssueSeverity.Information, false, "The value set could not be expanded: not checked.");

    /// <summary>An invariant of severity error is not met.</summary>
    public static readonly IssueDefinition InvariantFailed = new("invariant-failed", IssueType.Invariant, IssueSeverity.Error, false, "An invariant is not met.");

    /// <summary>An invariant of severity warning is not met.</summary>
    public static readonly IssueDefinition InvariantWarning = new("invariant-warning", IssueType.Invariant, IssueSeverity.Warning, false, "An invariant (warning) is not met.");

    /// <summary>An invariant's FHIRPath could not be parsed or evaluated: not checked.</summary>
    public static readonly IssueDefinition InvariantNotChecked = new("invariant-not-checked", IssueType.Informational, IssueSeverity.Information, false, "An invariant could not be evaluated: not checked.");

    /// <summary>A file given as conformance content could not be read as a FHIR resource.</summary>
    public static readonly IssueDefinition PackageFileUnreadable = new("package-file-unreadable", IssueType.Exception, IssueSeverity.Warning, false, "A package file could not be read.");

    /// <summary>Every issue definition, in catalogue order.</summary>
    public static IReadOnlyList<IssueDefinition> All { get; } =
    [
        ProfileUnavailable, ProfileNotChecked, CardinalityTooFew, CardinalityTooMany, TypeNotAllowed, ReferenceTargetMismatch,
        FixedValueMismatch, PatternMismatch, SliceUnmatched, SliceNotChecked, ExtensionNotChecked, BindingRequired, BindingExtensible,
        BindingNotChecked, InvariantFailed, InvariantWarning, InvariantNotChecked, PackageFileUnreadable,
    ];

    /// <summary>True for the "not checked" information codes (something could not be verified).</summary>
    public static bool IsNotChecked(string code) =>
        code is "profile-not-checked" or "slice-not-checked" or "extension-not-checked" or "binding-not-checked" or "invariant-not-checked";
}
