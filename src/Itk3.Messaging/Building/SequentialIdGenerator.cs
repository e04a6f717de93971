using System.Globalization;

namespace Itk3.Messaging.Building;

/// <summary>A deterministic id generator for tests and golden files: UUID-shaped ids counting up from a seed.</summary>
public sealed class SequentialIdGenerator(int seed = 1) : IIdGenerator
{
    private long _next = seed;

    /// <inheritdoc />
    public string NewId()
    {
        var n = _next++;
        return string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{n:x12}");
    }
}
