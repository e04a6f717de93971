using System.Text;
using Itk3.Gateway.Store;
using Npgsql;

namespace Itk3.Gateway.Postgres;

/// <summary>Builds the parameterised WHERE clause, count and page of a read-side list; table, column names and conditions are constants of the caller.</summary>
/// <remarks>The recipient condition uses <c>@recipient</c>, the search condition <c>@search</c> (and <c>@searchUpper</c>, the upper-case form MESH ids are stored in).</remarks>
internal sealed class FilteredQuery<TState>(string table, string columns, string timeColumn, string attentionCondition, string flowColumn = "flow")
    where TState : struct, Enum
{
    /// <summary>The condition a <see cref="ListFilter{TState}.Recipient"/> adds; none (ignored) when null.</summary>
    public string? RecipientCondition { get; init; }

    /// <summary>The condition a <see cref="ListFilter{TState}.Search"/> adds; none (ignored) when null.</summary>
    public string? SearchCondition { get; init; }

    public async Task<Page<T>> PageAsync<T>(
        PgSession session, ListFilter<TState> filter, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(filter.Skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(filter.Take, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(filter.Take, 1000);
        var (where, parameters) = Where(filter);
        var total = Convert.ToInt32(await session.ScalarAsync($"SELECT COUNT(*) FROM {table}{where}", parameters, cancellationToken));
        parameters.Add(("@take", filter.Take));
        parameters.Add(("@skip", filter.Skip));
        var items = await session.QueryAsync(
            $"SELECT {columns} FROM {table}{where} ORDER BY {timeColumn} DESC, {columns.Split(", ")[0]} DESC LIMIT @take OFFSET @skip",
            parameters,
            read,
            cancellationToken);
        return new Page<T>(items, total, filter.Skip, filter.Take);
    }

    private (string Where, List<(string Name, object? Value)> Parameters) Where(ListFilter<TState> filter)
    {
        var conditions = new List<string>();
        var parameters = new List<(string Name, object? Value)>();
        if (filter.States is { Count: > 0 } states)
        {
            var names = new StringBuilder();
            for (var i = 0; i < states.Count; i++)
            {
                names.Append(i == 0 ? string.Empty : ", ").Append("@state").Append(i);
                parameters.Add(($"@state{i}", states[i]));
            }

            conditions.Add($"state IN ({names})");
        }

        AddIf(filter.Flow is not null, $"{flowColumn} = @flow", ("@flow", filter.Flow));
        AddIf(filter.From is not null, $"{timeColumn} >= @from", ("@from", filter.From));
        AddIf(filter.To is not null, $"{timeColumn} < @to", ("@to", filter.To));
        AddIf(filter.Recipient is not null && RecipientCondition is not null, RecipientCondition!, ("@recipient", filter.Recipient));
        if (filter.Search is { } search && SearchCondition is not null)
        {
            conditions.Add(SearchCondition);
            parameters.Add(("@search", search));
            parameters.Add(("@searchUpper", search.ToUpperInvariant()));
        }

        if (filter.NeedsAttention)
        {
            conditions.Add(attentionCondition);
        }

        return (conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions), parameters);

        void AddIf(bool condition, string sql, (string Name, object? Value) parameter)
        {
            if (condition)
            {
                conditions.Add(sql);
                parameters.Add(parameter);
            }
        }
    }
}
