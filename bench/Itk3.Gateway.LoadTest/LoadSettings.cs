using System.Globalization;

namespace Itk3.Gateway.LoadTest;

/// <summary>Command-line settings.</summary>
/// <param name="Transactions">Transactions per run.</param>
/// <param name="Concurrency">Concurrent submitters.</param>
/// <param name="DataRoot">Where the runs' folders go.</param>
internal sealed record LoadSettings(int Transactions, int Concurrency, string DataRoot)
{
    /// <summary><c>sqlite</c> (one run) or <c>postgres</c> (a SQLite baseline run, then one run per instance count).</summary>
    public string Store { get; init; } = "sqlite";

    /// <summary>The instance counts per node to run on PostgreSQL.</summary>
    public IReadOnlyList<int> Instances { get; init; } = [1];

    /// <summary>The Npgsql connection string (<c>--postgres</c>, else <c>ITK3_TEST_POSTGRES</c>).</summary>
    public string? Postgres { get; init; } = Environment.GetEnvironmentVariable("ITK3_TEST_POSTGRES");

    /// <summary>Counts the PostgreSQL commands per transaction and prints them after each PostgreSQL run (<c>--profile-sql true</c>).</summary>
    public bool ProfileSql { get; init; }

    /// <summary>The stores to run, the SQLite baseline first.</summary>
    public IEnumerable<LoadStore> Runs() => Store == "postgres"
        ? [LoadStore.Sqlite, .. Instances.Select(n => new LoadStore("postgres", n, Postgres))]
        : [LoadStore.Sqlite];

    public static LoadSettings? Parse(string[] args)
    {
        var settings = new LoadSettings(2000, 32, Path.GetTempPath());
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            settings = args[i] switch
            {
                "--transactions" => settings with { Transactions = int.Parse(value, CultureInfo.InvariantCulture) },
                "--concurrency" => settings with { Concurrency = int.Parse(value, CultureInfo.InvariantCulture) },
                "--data" => settings with { DataRoot = value },
                "--store" when value is "sqlite" or "postgres" => settings with { Store = value },
                "--instances" => settings with { Instances = value.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList() },
                "--postgres" => settings with { Postgres = value },
                "--profile-sql" => settings with { ProfileSql = bool.Parse(value) },
                _ => null,
            };
            if (settings is null)
            {
                return null;
            }
        }

        var valid = args.Length % 2 == 0 && settings.Instances.All(n => n >= 1) && (settings.Store == "sqlite" || settings.Postgres is { Length: > 0 });
        return valid ? settings : null;
    }
}
