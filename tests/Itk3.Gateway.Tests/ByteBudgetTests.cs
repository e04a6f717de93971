using Itk3.Gateway.Hosting;

namespace Itk3.Gateway.Tests;

public sealed class ByteBudgetTests
{
    [Fact]
    public async Task Request_that_does_not_fit_waits_until_enough_bytes_are_released()
    {
        var budget = new ByteBudget(100);
        var first = await budget.AcquireAsync(60, CancellationToken.None);

        var second = budget.AcquireAsync(60, CancellationToken.None).AsTask();

        Assert.False(second.IsCompleted);
        Assert.Equal(1, budget.Waiting);
        first.Dispose();
        (await second).Dispose();
        Assert.Equal(0, budget.InUse);
        Assert.Equal(60, budget.PeakInUse);
    }

    [Fact]
    public async Task Request_larger_than_the_budget_takes_all_of_it_alone()
    {
        var budget = new ByteBudget(100);
        var small = await budget.AcquireAsync(1, CancellationToken.None);

        var huge = budget.AcquireAsync(1_000, CancellationToken.None).AsTask();
        Assert.False(huge.IsCompleted);
        small.Dispose();
        using var lease = await huge;

        Assert.Equal(100, budget.InUse);
        Assert.Equal(100, budget.PeakInUse);
    }

    [Fact]
    public async Task Small_request_queues_behind_a_waiting_large_one()
    {
        var budget = new ByteBudget(100);
        var held = await budget.AcquireAsync(50, CancellationToken.None);
        var large = budget.AcquireAsync(80, CancellationToken.None).AsTask();

        var small = budget.AcquireAsync(10, CancellationToken.None).AsTask();

        Assert.False(small.IsCompleted);
        held.Dispose();
        (await large).Dispose();
        (await small).Dispose();
        Assert.Equal(0, budget.InUse);
    }

    [Fact]
    public async Task Cancelled_wait_takes_nothing_and_lets_the_next_waiter_in()
    {
        var budget = new ByteBudget(100);
        var held = await budget.AcquireAsync(90, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = budget.AcquireAsync(50, cancel.Token).AsTask();
        var next = budget.AcquireAsync(10, CancellationToken.None).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        (await next).Dispose();
        held.Dispose();
        Assert.Equal(0, budget.InUse);
        Assert.Equal(0, budget.Waiting);
    }
}
