using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Issues;

namespace Itk3.Fhir.Serialization;

/// <summary>The outcome of parsing: the tree (null when the input could not be read at all) and every issue found.</summary>
public sealed record ParseResult(ElementNode? Root, IReadOnlyList<Issue> Issues)
{
    /// <summary>True when a tree was produced and no issue is an error.</summary>
    public bool Success => Root is not null && !Issues.Any(issue => issue.IsError);
}
