namespace Itk3.Messaging.Building;

/// <summary>The production id generator: random version-4 UUIDs.</summary>
public sealed class RandomIdGenerator : IIdGenerator
{
    /// <summary>The shared instance (stateless).</summary>
    public static RandomIdGenerator Instance { get; } = new();

    /// <inheritdoc />
    public string NewId() => Guid.NewGuid().ToString("D");
}
