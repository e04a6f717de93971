namespace Itk3.Fhir.Profiles.Definitions;

/// <summary>How an element is sliced: its discriminators, whether slices are ordered, and the rules (<c>open</c>, <c>closed</c>, <c>openAtEnd</c>).</summary>
public sealed record Slicing(IReadOnlyList<Discriminator> Discriminators, bool Ordered, string Rules)
{
    /// <summary>True when content matching no slice is an error.</summary>
    public bool IsClosed => Rules == "closed";
}
