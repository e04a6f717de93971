namespace Itk3.Fhir.Issues;

/// <summary>Maps <see cref="IssueType"/> to and from the FHIR <c>issue-type</c> codes.</summary>
public static class IssueTypeCodes
{
    private static readonly Dictionary<IssueType, string> Codes = new()
    {
        [IssueType.Invalid] = "invalid",
        [IssueType.Structure] = "structure",
        [IssueType.Required] = "required",
        [IssueType.Value] = "value",
        [IssueType.Invariant] = "invariant",
        [IssueType.Security] = "security",
        [IssueType.Processing] = "processing",
        [IssueType.NotSupported] = "not-supported",
        [IssueType.Duplicate] = "duplicate",
        [IssueType.NotFound] = "not-found",
        [IssueType.TooLong] = "too-long",
        [IssueType.CodeInvalid] = "code-invalid",
        [IssueType.Extension] = "extension",
        [IssueType.TooCostly] = "too-costly",
        [IssueType.BusinessRule] = "business-rule",
        [IssueType.Informational] = "informational",
        [IssueType.Exception] = "exception",
    };

    private static readonly Dictionary<string, IssueType> Types = Codes.ToDictionary(pair => pair.Value, pair => pair.Key);

    /// <summary>The wire code of an issue type, e.g. <c>not-found</c>.</summary>
    public static string ToCode(this IssueType type) => Codes[type];

    /// <summary>Parses a wire code; false when it is not an STU3 issue type.</summary>
    public static bool TryParse(string code, out IssueType type) => Types.TryGetValue(code, out type);
}
