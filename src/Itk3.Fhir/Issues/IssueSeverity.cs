namespace Itk3.Fhir.Issues;

/// <summary>How serious an issue is (the FHIR <c>issue-severity</c> value set).</summary>
public enum IssueSeverity
{
    /// <summary>Processing cannot continue at all.</summary>
    Fatal,

    /// <summary>The content is invalid.</summary>
    Error,

    /// <summary>The content was accepted but is questionable or non-conformant.</summary>
    Warning,

    /// <summary>For information only.</summary>
    Information,
}
