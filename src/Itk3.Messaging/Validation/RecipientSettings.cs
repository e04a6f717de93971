namespace Itk3.Messaging.Validation;

/// <summary>The organisations (ODS codes) and people (SDS user ids) a receiver serves; empty lists accept anyone.</summary>
public sealed record RecipientSettings
{
    /// <summary>The placeholder GP ODS code ToC senders use with MESH GP look-up; never rejected (R46).</summary>
    public const string PlaceholderGpOdsCode = "V81999";

    /// <summary>Supported organisation ODS codes.</summary>
    public IReadOnlyList<string> Organizations { get; init; } = [];

    /// <summary>Supported person identifiers (SDS user ids).</summary>
    public IReadOnlyList<string> People { get; init; } = [];
}
