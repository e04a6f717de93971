using System.Collections;

namespace Itk3.Fhir.Issues;

/// <summary>An ordered, append-only list of issues.</summary>
public sealed class IssueList : IReadOnlyList<Issue>
{
    private readonly List<Issue> _issues = [];

    /// <summary>The number of issues.</summary>
    public int Count => _issues.Count;

    /// <summary>The issue at an index.</summary>
    public Issue this[int index] => _issues[index];

    /// <summary>True when any issue is an error or fatal.</summary>
    public bool HasErrors => _issues.Exists(issue => issue.IsError);

    /// <summary>Appends an issue.</summary>
    public void Add(Issue issue) => _issues.Add(issue);

    /// <summary>Removes the issues from <paramref name="count"/> on (a reader taking back an attempt it abandons).</summary>
    internal void TruncateTo(int count) => _issues.RemoveRange(count, _issues.Count - count);

    /// <summary>Appends several issues.</summary>
    public void AddRange(IEnumerable<Issue> issues) => _issues.AddRange(issues);

    /// <inheritdoc />
    public IEnumerator<Issue> GetEnumerator() => _issues.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
