namespace Itk3.Gateway.Tests.Support;

/// <summary>Waits for a condition the nodes reach asynchronously (a generous bound, not a timing assertion).</summary>
internal static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> done, int seconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"condition not reached; last value: {value}");
            }

            await Task.Delay(50);
        }
    }
}
