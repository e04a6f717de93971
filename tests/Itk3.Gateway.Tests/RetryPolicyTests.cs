namespace Itk3.Gateway.Tests;

public sealed class RetryPolicyTests
{
    [Fact]
    public void Delays_grow_exponentially_within_half_to_full_of_the_ceiling_and_stop_at_the_maximum()
    {
        var policy = new RetryPolicy(new Random(5)) { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(60) };

        for (var attempt = 1; attempt <= 12; attempt++)
        {
            var ceiling = Math.Min(Math.Pow(2, attempt - 1), 60);
            var delay = policy.DelayAfter(attempt).TotalSeconds;
            Assert.InRange(delay, ceiling / 2, ceiling);
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_jitter_and_another_seed_differs()
    {
        var a = new RetryPolicy(new Random(1));
        var b = new RetryPolicy(new Random(1));
        var c = new RetryPolicy(new Random(2));

        var first = Enumerable.Range(1, 5).Select(a.DelayAfter).ToList();
        Assert.Equal(first, Enumerable.Range(1, 5).Select(b.DelayAfter));
        Assert.NotEqual(first, Enumerable.Range(1, 5).Select(c.DelayAfter));
    }

    [Fact]
    public void An_item_is_waiting_once_its_fast_attempts_are_used_up()
    {
        var policy = new RetryPolicy(new Random(1)) { FastAttempts = 3 };

        Assert.False(policy.IsWaiting(2));
        Assert.True(policy.IsWaiting(3));
    }
}
