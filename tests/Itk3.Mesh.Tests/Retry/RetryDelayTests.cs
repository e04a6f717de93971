using Itk3.Mesh.Retry;

namespace Itk3.Mesh.Tests.Retry;

public sealed class RetryDelayTests
{
    private static readonly MeshRetryPolicy Policy = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(500), MaxDelay = TimeSpan.FromSeconds(3), JitterSeed = 42,
    };

    [Fact]
    public void Doubles_the_delay_per_attempt_with_jitter_in_the_upper_half_and_a_cap()
    {
        var executor = new RetryExecutor(Policy, TimeProvider.System);

        var delays = Enumerable.Range(0, 6).Select(executor.ComputeDelay).ToList();

        double[] ceilings = [500, 1000, 2000, 3000, 3000, 3000];
        for (var i = 0; i < delays.Count; i++)
        {
            Assert.InRange(delays[i].TotalMilliseconds, ceilings[i] / 2, ceilings[i]);
        }
    }

    [Fact]
    public void Draws_the_same_delays_from_the_same_seed()
    {
        var first = new RetryExecutor(Policy, TimeProvider.System);
        var second = new RetryExecutor(Policy, TimeProvider.System);

        Assert.Equal(
            Enumerable.Range(0, 5).Select(first.ComputeDelay),
            Enumerable.Range(0, 5).Select(second.ComputeDelay));
    }
}
