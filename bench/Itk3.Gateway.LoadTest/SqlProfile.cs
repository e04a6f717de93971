using System.Collections.Concurrent;
using System.Diagnostics;

namespace Itk3.Gateway.LoadTest;

/// <summary>Counts the PostgreSQL commands (round trips) Npgsql runs, by statement, from its activity source (<c>--profile-sql</c>).</summary>
internal sealed class SqlProfile : IDisposable
{
    private readonly ActivityListener listener;
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);

    public SqlProfile()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>Forgets what was counted (between runs).</summary>
    public void Reset() => counts.Clear();

    /// <summary>The commands per transaction, most frequent first, and their total.</summary>
    public IEnumerable<string> Report(int transactions)
    {
        var total = counts.Values.Sum();
        yield return $"PostgreSQL round trips (a batch of statements counts once, by its first statements): {total} = {(double)total / transactions:0.0} per transaction";
        foreach (var (statement, count) in counts.OrderByDescending(c => c.Value).Take(25))
        {
            yield return $"  {(double)count / transactions,6:0.00}/tx  {statement}";
        }
    }

    public void Dispose() => listener.Dispose();

    private void Record(Activity activity)
    {
        var text = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
        var key = text.Length > 110 ? text[..110] : text;
        counts.AddOrUpdate(key.ReplaceLineEndings(" "), 1, (_, n) => n + 1);
    }
}
