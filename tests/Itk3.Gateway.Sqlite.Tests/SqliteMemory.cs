using SQLitePCL;

namespace Itk3.Gateway.Sqlite.Tests;

/// <summary>SQLite's own allocation statistics (process-wide): tests that read them run alone (<see cref="SqliteMemoryCollection"/>).</summary>
internal static class SqliteMemory
{
    /// <summary>The most SQLite held during <paramref name="action"/>, above what it held when it started.</summary>
    public static async Task<long> PeakAboveCurrentAsync(Func<Task> action)
    {
        raw.sqlite3_memory_highwater(1);
        var before = raw.sqlite3_memory_used();
        await action();
        return raw.sqlite3_memory_highwater(1) - before;
    }
}

/// <summary>Tests that read SQLite's process-wide memory statistics, run with no other test at the same time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SqliteMemoryCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "SQLite memory statistics";
}
