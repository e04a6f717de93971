using Npgsql;

namespace Itk3.Testing.Gateway;

/// <summary>The PostgreSQL server the tests may use: <c>ITK3_TEST_POSTGRES</c>, an Npgsql connection string to a database they may create schemas in.</summary>
/// <remarks>Unset outside CI, the PostgreSQL tests are skipped with <see cref="SkipReason"/>; unset in CI (<c>CI</c> set), they run and fail, so a CI
/// that lost its database cannot pass by skipping.</remarks>
public static class TestPostgres
{
    /// <summary>The environment variable holding the connection string.</summary>
    public const string Variable = "ITK3_TEST_POSTGRES";

    /// <summary>The connection string, or null when the variable is unset or empty.</summary>
    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Why the PostgreSQL tests are skipped here, or null when they run.</summary>
    public static string? SkipReason =>
        ConnectionString is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            ? $"PostgreSQL tests need {Variable} (an Npgsql connection string, e.g. \"Host=127.0.0.1;Username=itk3;Password=...;Database=itk3_test\"); see docs/scale-out.md."
            : null;

    /// <summary>The connection string; throws a clear failure when it is unset (in CI).</summary>
    public static string RequireConnectionString() =>
        ConnectionString ?? throw new InvalidOperationException($"{Variable} is not set, and CI is: the PostgreSQL tests must run in CI (see .ci/run).");

    /// <summary>A fresh schema name, unique to one test.</summary>
    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N");

    /// <summary>Drops a test's schema and everything in it.</summary>
    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(RequireConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
