namespace Itk3.Fhir.Profiles.Terminology;

/// <summary>A code system as expansion needs it: its URL, whether its content is complete, and its concepts with their parents.</summary>
public sealed record CodeSystemModel(string Url, string Content, IReadOnlyDictionary<string, string?> ParentOf)
{
    /// <summary>True when every concept of the system is listed.</summary>
    public bool IsComplete => Content == "complete";

    /// <summary>The code and every code below it in the hierarchy.</summary>
    public IEnumerable<string> SelfAndDescendants(string code) =>
        ParentOf.Keys.Where(candidate => IsSelfOrDescendant(candidate, code));

    private bool IsSelfOrDescendant(string candidate, string ancestor)
    {
        for (string? current = candidate; current is not null; current = ParentOf.GetValueOrDefault(current))
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}
