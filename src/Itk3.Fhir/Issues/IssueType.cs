namespace Itk3.Fhir.Issues;

/// <summary>The kind of problem (the FHIR STU3 <c>issue-type</c> value set); see <see cref="IssueTypeCodes"/> for the wire codes.</summary>
public enum IssueType
{
    /// <summary><c>invalid</c>: content invalid against the specification or a profile.</summary>
    Invalid,

    /// <summary><c>structure</c>: a structural issue in the content (wrong element, bad nesting).</summary>
    Structure,

    /// <summary><c>required</c>: a required element is missing.</summary>
    Required,

    /// <summary><c>value</c>: an element value is invalid.</summary>
    Value,

    /// <summary><c>invariant</c>: a content validation rule failed.</summary>
    Invariant,

    /// <summary><c>security</c>: a security problem.</summary>
    Security,

    /// <summary><c>processing</c>: processing issues.</summary>
    Processing,

    /// <summary><c>not-supported</c>: the content or operation is not supported.</summary>
    NotSupported,

    /// <summary><c>duplicate</c>: an attempt to create a duplicate.</summary>
    Duplicate,

    /// <summary><c>not-found</c>: the reference could not be found.</summary>
    NotFound,

    /// <summary><c>too-long</c>: the content was too long.</summary>
    TooLong,

    /// <summary><c>code-invalid</c>: a code is not valid.</summary>
    CodeInvalid,

    /// <summary><c>extension</c>: an unacceptable extension.</summary>
    Extension,

    /// <summary><c>too-costly</c>: the operation was stopped to protect resources.</summary>
    TooCostly,

    /// <summary><c>business-rule</c>: a business rule was violated.</summary>
    BusinessRule,

    /// <summary><c>informational</c>: not an error.</summary>
    Informational,

    /// <summary><c>exception</c>: an unexpected internal error.</summary>
    Exception,
}
