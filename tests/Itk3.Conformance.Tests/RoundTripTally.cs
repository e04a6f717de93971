namespace Itk3.Conformance.Tests;

/// <summary>The result of round-tripping one resource.</summary>
internal sealed record RoundTripOutcome(bool IsIdentical, bool IsXsdValid, string? Failure)
{
    public static RoundTripOutcome Identical { get; } = new(true, true, null);

    public static RoundTripOutcome Failed(string id, string reason, bool xsdValid = false) => new(false, xsdValid, $"{id}: {reason}");
}

/// <summary>Counts outcomes: tried, identical both ways, XSD-valid, and the failures.</summary>
internal sealed class RoundTripTally
{
    public int Tried { get; private set; }

    public int Identical { get; private set; }

    public int XsdValid { get; private set; }

    public List<string> Failures { get; } = [];

    public void Add(RoundTripOutcome outcome)
    {
        Tried++;
        Identical += outcome.IsIdentical ? 1 : 0;
        XsdValid += outcome.IsXsdValid ? 1 : 0;
        if (outcome.Failure is not null)
        {
            Failures.Add(outcome.Failure);
        }
    }
}
