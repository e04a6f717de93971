using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Issues;
using Itk3.Fhir.Primitives;
using Itk3.Fhir.Schema;

namespace Itk3.Fhir.Serialization.Reading;

/// <summary>State shared by the JSON and XML readers: options, schema and the issues found so far.</summary>
internal sealed class ParseContext
{
    public ParseContext(ParseOptions options)
    {
        Options = options;
        Schema = options.Schema;
    }

    public ParseOptions Options { get; }

    public IFhirSchema Schema { get; }

    public IssueList Issues { get; } = [];

    public bool Lenient => !Options.Strict;

    /// <summary>The issues not listed because <see cref="ParseOptions.MaxIssues"/> was reached.</summary>
    public int Suppressed { get; private set; }

    /// <summary>True when an error was among the issues not listed.</summary>
    public bool SuppressedError { get; private set; }

    /// <summary>
    /// Records an issue; tolerable defects become warnings in lenient mode, unknown elements become dropped ones when
    /// asked. The location of a document-level issue is <c>(document)</c>; control characters from the input are
    /// escaped so that no issue can carry a terminal escape sequence.
    /// </summary>
    public void Report(IssueDefinition definition, string location, SourcePosition position, string message)
    {
        if (definition == FhirIssues.ElementUnknown && Options.DropUnknownElements)
        {
            definition = FhirIssues.ElementDropped;
            message += " It was dropped.";
        }

        var issue = definition.At(location.Length == 0 ? "(document)" : IssueText.Escape(location), position, IssueText.Escape(message), Lenient);
        if (Issues.Count < Options.MaxIssues)
        {
            Issues.Add(issue);
            return;
        }

        Suppressed++;
        SuppressedError |= issue.IsError;
    }

    /// <summary>The point reached so far, to come back to with <see cref="Rewind"/>.</summary>
    public ParseMark Mark() => new(Issues.Count, Suppressed, SuppressedError);

    /// <summary>Forgets every issue reported after <paramref name="mark"/>.</summary>
    public void Rewind(ParseMark mark)
    {
        Issues.TruncateTo(mark.Issues);
        Suppressed = mark.Suppressed;
        SuppressedError = mark.SuppressedError;
    }

    /// <summary>The issues, with a closing <c>issues-truncated</c> issue when some were not listed.</summary>
    public IReadOnlyList<Issue> Finish()
    {
        if (Suppressed > 0)
        {
            var definition = FhirIssues.IssuesTruncated;
            Issues.Add(new Issue(definition.Code, SuppressedError ? IssueSeverity.Error : definition.Severity, definition.Type, "(document)",
                SourcePosition.None, $"{Suppressed} more issue(s) were found but not listed (the limit is {Options.MaxIssues})."));
            Suppressed = 0;
        }

        return Issues;
    }

    /// <summary>
    /// Reports a value that does not match its primitive type's lexical form; true when the value is valid. A padded
    /// value read leniently is repaired: <paramref name="value"/> becomes the trimmed value (and the warning says so).
    /// </summary>
    public bool CheckPrimitive(string typeName, ref string value, string location, SourcePosition position)
    {
        if (value.Length == 0)
        {
            Report(FhirIssues.ElementEmpty, location, position, $"The {typeName} value is empty{(Lenient ? "; it is left out" : "")}.");
            return false;
        }

        if (PrimitiveLexicon.IsValid(typeName, value))
        {
            return true;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > 0 && trimmed.Length < value.Length && PrimitiveLexicon.IsValid(typeName, trimmed))
        {
            Report(FhirIssues.PrimitivePadded, location, position, $"The {typeName} value has leading or trailing whitespace{(Lenient ? "; it is trimmed" : "")}.");
            value = Lenient ? trimmed : value;
            return false;
        }

        Report(FhirIssues.PrimitiveInvalid, location, position, $"'{Abbreviate(value)}' is not a valid {typeName}.");
        return false;
    }

    /// <summary>Reports a code that its element's required binding does not allow; true when it is allowed or unbound.</summary>
    public bool CheckBinding(FhirElementDefinition definition, string value, string location, SourcePosition position)
    {
        if (definition.RequiredCodes is not { } codes || codes.Contains(value))
        {
            return true;
        }

        Report(FhirIssues.CodeNotInValueSet, location, position, $"'{Abbreviate(value)}' is not a code of {definition.RequiredValueSet}.");
        return false;
    }

    /// <summary>Looks up a concrete resource type, reporting it when unknown.</summary>
    public FhirTypeDefinition? ResolveResourceType(string name, string location, SourcePosition position)
    {
        var type = Schema.FindResourceType(name);
        if (type is null)
        {
            Report(FhirIssues.ResourceTypeUnknown, location, position, $"'{Abbreviate(name)}' is not an STU3 resource type.");
        }

        return type;
    }

    /// <summary>Shortens a value for a message so that large or sensitive content is never echoed whole.</summary>
    public static string Abbreviate(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 37), "...");
}

/// <summary>What a <see cref="ParseContext"/> had reported at one point of a parse.</summary>
internal readonly record struct ParseMark(int Issues, int Suppressed, bool SuppressedError);
