namespace Itk3.Fhir.Issues;

/// <summary>Maps <see cref="IssueSeverity"/> to and from the FHIR <c>issue-severity</c> codes.</summary>
public static class IssueSeverityCodes
{
    /// <summary>The wire code of a severity, e.g. <c>fatal</c>.</summary>
    public static string ToCode(this IssueSeverity severity) => severity switch
    {
        IssueSeverity.Fatal => "fatal",
        IssueSeverity.Error => "error",
        IssueSeverity.Warning => "warning",
        _ => "information",
    };

    /// <summary>Parses a wire code; false when it is not an STU3 severity.</summary>
    public static bool TryParse(string code, out IssueSeverity severity)
    {
        (var known, severity) = code switch
        {
            "fatal" => (true, IssueSeverity.Fatal),
            "error" => (true, IssueSeverity.Error),
            "warning" => (true, IssueSeverity.Warning),
            "information" => (true, IssueSeverity.Information),
            _ => (false, IssueSeverity.Information),
        };
        return known;
    }
}
