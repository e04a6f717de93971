namespace Itk3.Mesh.Server.Protocol;

/// <summary>
/// An inbox <c>workflow_filter</c>: <c>WF</c> equals, <c>WF*</c> begins with, <c>*X*</c> contains, each negated by a
/// leading <c>!</c> (MESH.md §10).
/// </summary>
internal sealed record WorkflowFilter(bool Negated, string Text, bool Prefix, bool Contains)
{
    public static WorkflowFilter? Parse(string value)
    {
        if (value.Length is < 2 or > 255)
        {
            return null;
        }

        var negated = value.StartsWith('!');
        var body = negated ? value[1..] : value;
        var contains = body.Length >= 2 && body.StartsWith('*') && body.EndsWith('*');
        var prefix = !contains && body.EndsWith('*');
        var text = contains ? body[1..^1] : prefix ? body[..^1] : body;
        return text.Length == 0 || text.Contains('*') ? null : new WorkflowFilter(negated, text, prefix, contains);
    }

    public bool Matches(string workflowId)
    {
        var hit = Contains ? workflowId.Contains(Text, StringComparison.Ordinal)
            : Prefix ? workflowId.StartsWith(Text, StringComparison.Ordinal)
            : workflowId.Equals(Text, StringComparison.Ordinal);
        return hit != Negated;
    }
}
