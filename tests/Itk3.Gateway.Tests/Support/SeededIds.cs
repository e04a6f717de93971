using Itk3.Messaging.Building;

namespace Itk3.Gateway.Tests.Support;

/// <summary>Deterministic GUID ids from a seed (a restarted node gets another seed, so ids never repeat on one store).</summary>
internal sealed class SeededIds(int seed) : IIdGenerator
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();

    public string NewId()
    {
        var bytes = new byte[16];
        lock (_gate)
        {
            _random.NextBytes(bytes);
        }

        return new Guid(bytes).ToString("D");
    }
}
