namespace Itk3.Fhir.Issues;

/// <summary>The catalogue of issues the FHIR engine reports when reading content. Codes are stable; wording is not.</summary>
public static class FhirIssues
{
    /// <summary>The input is not well-formed JSON.</summary>
    public static readonly IssueDefinition JsonMalformed = new("json-malformed", IssueType.Structure, IssueSeverity.Fatal, false, "The input is not well-formed JSON.");

    /// <summary>The input is not well-formed XML.</summary>
    public static readonly IssueDefinition XmlMalformed = new("xml-malformed", IssueType.Structure, IssueSeverity.Fatal, false, "The input is not well-formed XML.");

    /// <summary>The XML contains a document type declaration; DTDs and entities are never processed.</summary>
    public static readonly IssueDefinition DtdProhibited = new("dtd-prohibited", IssueType.Security, IssueSeverity.Fatal, false, "DTDs and external entities are not allowed.");

    /// <summary>The input exceeds the configured maximum size.</summary>
    public static readonly IssueDefinition InputTooLarge = new("input-too-large", IssueType.TooCostly, IssueSeverity.Fatal, false, "The input exceeds the maximum size.");

    /// <summary>The input nests deeper than the configured maximum depth.</summary>
    public static readonly IssueDefinition NestingTooDeep = new("nesting-too-deep", IssueType.TooCostly, IssueSeverity.Fatal, false, "The input nests too deeply.");

    /// <summary>A JSON resource has no <c>resourceType</c>.</summary>
    public static readonly IssueDefinition ResourceTypeMissing = new("resource-type-missing", IssueType.Structure, IssueSeverity.Error, false, "A resource has no resourceType.");

    /// <summary>The resource type is not an STU3 resource.</summary>
    public static readonly IssueDefinition ResourceTypeUnknown = new("resource-type-unknown", IssueType.NotSupported, IssueSeverity.Error, false, "The resource type is not known to FHIR STU3.");

    /// <summary>An element or property is not defined for its parent type.</summary>
    public static readonly IssueDefinition ElementUnknown = new("element-unknown", IssueType.Structure, IssueSeverity.Error, false, "The element is not defined for its type.");

    /// <summary>A primitive value does not match its type's lexical form.</summary>
    public static readonly IssueDefinition PrimitiveInvalid = new("primitive-invalid", IssueType.Value, IssueSeverity.Error, false, "The value does not match the primitive type's lexical form.");

    /// <summary>A value is valid once leading or trailing whitespace is removed (e.g. a code <c>'394595002 '</c>); kept as written.</summary>
    public static readonly IssueDefinition PrimitivePadded = new("primitive-padded", IssueType.Value, IssueSeverity.Error, true, "The value has leading or trailing whitespace.");

    /// <summary>An XML primitive carries its value as element text instead of a <c>value</c> attribute; lenient reading takes the text.</summary>
    public static readonly IssueDefinition ValueAsText = new("value-as-text", IssueType.Structure, IssueSeverity.Error, true, "The value is element text, not a value attribute.");

    /// <summary>A JSON object has the same property twice.</summary>
    public static readonly IssueDefinition PropertyDuplicate = new("property-duplicate", IssueType.Structure, IssueSeverity.Error, false, "The property appears more than once.");

    /// <summary>A JSON value has the wrong JSON type (e.g. a string where a number or object is required).</summary>
    public static readonly IssueDefinition JsonTypeWrong = new("json-type-wrong", IssueType.Structure, IssueSeverity.Error, false, "The JSON value has the wrong type.");

    /// <summary>A repeating element was given as a single value instead of an array.</summary>
    public static readonly IssueDefinition ArrayExpected = new("array-expected", IssueType.Structure, IssueSeverity.Error, true, "A repeating element must be an array.");

    /// <summary>A single-valued element was given as an array or repeated.</summary>
    public static readonly IssueDefinition RepeatUnexpected = new("repeat-unexpected", IssueType.Structure, IssueSeverity.Error, false, "The element does not repeat.");

    /// <summary>A JSON primitive array and its <c>_element</c> array have different lengths, or both entries are null.</summary>
    public static readonly IssueDefinition ParallelArrayMismatch = new("parallel-array-mismatch", IssueType.Structure, IssueSeverity.Error, false, "The value and _element arrays do not line up.");

    /// <summary>A JSON null appears where it is not allowed (only inside primitive arrays).</summary>
    public static readonly IssueDefinition NullUnexpected = new("null-unexpected", IssueType.Structure, IssueSeverity.Error, false, "null is only allowed inside primitive arrays.");

    /// <summary>An element is empty: no value, no children (empty string, object, array or XML element).</summary>
    public static readonly IssueDefinition ElementEmpty = new("element-empty", IssueType.Structure, IssueSeverity.Error, true, "The element is empty.");

    /// <summary>An XML element appears out of the order the definition gives.</summary>
    public static readonly IssueDefinition ElementOutOfOrder = new("element-out-of-order", IssueType.Structure, IssueSeverity.Error, true, "The element is out of definition order.");

    /// <summary>More than one type was given for a single choice element (e.g. valueString and valueBoolean).</summary>
    public static readonly IssueDefinition ChoiceMultiple = new("choice-multiple", IssueType.Structure, IssueSeverity.Error, false, "A choice element has more than one type.");

    /// <summary>An XML element is not in the FHIR namespace, or the narrative div is not in the XHTML namespace.</summary>
    public static readonly IssueDefinition NamespaceWrong = new("namespace-wrong", IssueType.Structure, IssueSeverity.Error, false, "The element is in the wrong XML namespace.");

    /// <summary>XML text or an attribute appears where FHIR allows none.</summary>
    public static readonly IssueDefinition XmlContentUnexpected = new("xml-content-unexpected", IssueType.Structure, IssueSeverity.Error, false, "Unexpected text or attribute in FHIR XML.");

    /// <summary>A resource wrapper (<c>resource</c>, <c>contained</c>) does not hold exactly one resource.</summary>
    public static readonly IssueDefinition ResourceWrapperInvalid = new("resource-wrapper-invalid", IssueType.Structure, IssueSeverity.Error, false, "A resource container must hold exactly one resource.");

    /// <summary>The narrative is not a well-formed XHTML div.</summary>
    public static readonly IssueDefinition XhtmlInvalid = new("xhtml-invalid", IssueType.Value, IssueSeverity.Error, false, "The narrative is not a well-formed XHTML div.");

    /// <summary>The narrative contains content FHIR forbids (script, event attributes, forms, frames...).</summary>
    public static readonly IssueDefinition XhtmlDisallowed = new("xhtml-disallowed", IssueType.Security, IssueSeverity.Error, false, "The narrative contains disallowed content.");

    /// <summary>A code element's value is not in the value set its required binding names (e.g. gender <c>F</c>).</summary>
    public static readonly IssueDefinition CodeNotInValueSet = new("code-not-in-value-set", IssueType.CodeInvalid, IssueSeverity.Error, true, "The code is not in the value set of its required binding.");

    /// <summary>An element unknown to its type was dropped because the reader was asked to drop unknown elements.</summary>
    public static readonly IssueDefinition ElementDropped = new("element-dropped", IssueType.Informational, IssueSeverity.Warning, false, "An unknown element was dropped.");

    /// <summary>The list of issues was cut at the configured maximum; the count of the rest is given.</summary>
    public static readonly IssueDefinition IssuesTruncated = new("issues-truncated", IssueType.TooCostly, IssueSeverity.Warning, false, "Further issues were not listed.");

    /// <summary>Every issue definition, in catalogue order.</summary>
    public static IReadOnlyList<IssueDefinition> All { get; } =
    [
        JsonMalformed, XmlMalformed, DtdProhibited, InputTooLarge, NestingTooDeep, ResourceTypeMissing, ResourceTypeUnknown,
        ElementUnknown, PrimitiveInvalid, PrimitivePadded, ValueAsText, PropertyDuplicate, JsonTypeWrong, ArrayExpected, RepeatUnexpected,
        ParallelArrayMismatch, NullUnexpected, ElementEmpty, ElementOutOfOrder, ChoiceMultiple, NamespaceWrong,
        XmlContentUnexpected, ResourceWrapperInvalid, XhtmlInvalid, XhtmlDisallowed, CodeNotInValueSet, ElementDropped, IssuesTruncated,
    ];
}
