namespace Itk3.Conformance.Tests;

/// <summary>The result of round-tripping one resource.</summary>
internal sealed record RoundTripOutcome(string Id, bool IsIdentical, IReadOnlyList<string> XsdErrors, string? Failure)
{
    public bool IsXsdValid => XsdErrors.Count == 0;
}

/// <summary>Counts outcomes: tried, identical both ways, XSD-valid, and the failures.</summary>
internal sealed class RoundTripTally
{
    public int Tried { get; private set; }

    public int Identical { get; private set; }

    public int XsdValid { get; private set; }

    /// <summary>Narrative divs whose JSON -> XML -> JSON text differs from the original but means the same by XML rules.</summary>
    public int DivsEqualInMeaning { get; set; }

    public List<string> Failures { get; } = [];

    public List<string> XsdInvalidIds { get; } = [];

    public void Add(RoundTripOutcome outcome)
    {
        Tried++;
        Identical += outcome.IsIdentical ? 1 : 0;
        XsdValid += outcome.IsXsdValid ? 1 : 0;
        if (outcome.Failure is not null)
        {
            Failures.Add($"{outcome.Id}: {outcome.Failure}");
        }

        if (!outcome.IsXsdValid)
        {
            XsdInvalidIds.Add(outcome.Id);
        }
    }
}
